package com.dateline.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dateline.security.Roles;
import com.dateline.support.SignIn;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

/** The authors of imported comments who have no account: display names that exist once and can never sign in. */
@SpringBootTest
@Transactional
class ImportedAuthorTest {

    @RegisterExtension
    final SignIn signIn = new SignIn();

    @Autowired
    AccountService service;

    @Autowired
    AccountRepository repository;

    @Autowired
    UserDetailsService users;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void an_imported_author_is_a_reader_with_a_placeholder_email_made_from_name_and_email() {
        signIn.as("admin@dateline.test");
        var email = "layla-" + UUID.randomUUID() + "@example.org";

        var id = service.importedAuthor("  Layla Haddad ", email);

        var stored = repository.findById(id).orElseThrow();
        assertThat(stored.getDisplayName()).isEqualTo("Layla Haddad");
        assertThat(stored.getEmail()).matches("imported-[0-9a-f]{16}@import\\.invalid");
        assertThat(stored.getEmail()).isEqualTo(ImportedAuthors.email("layla haddad", email.toUpperCase()));
        assertThat(stored.isImported()).isTrue();
        assertThat(stored.getRole()).isEqualTo(Roles.READER);
        assertThat(service.displayNames(List.of(id))).containsEntry(id, "Layla Haddad");
    }

    @Test
    void the_same_name_and_email_give_the_same_author_and_another_name_another() {
        signIn.as("admin@dateline.test");
        var email = "shared-" + UUID.randomUUID() + "@example.org";

        var first = service.importedAuthor("Omar Khalil", email);
        var again = service.importedAuthor("omar khalil", email.toUpperCase());
        var other = service.importedAuthor("Omar K.", email);

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void an_imported_author_cannot_sign_in_like_an_unknown_email() {
        signIn.as("admin@dateline.test");
        var id = service.importedAuthor("Never Signs In", "never-" + UUID.randomUUID() + "@example.org");
        var stored = repository.findById(id).orElseThrow();

        assertThatThrownBy(() -> users.loadUserByUsername(stored.getEmail()))
                .isInstanceOf(UsernameNotFoundException.class)
                .hasMessage("No such account");
        assertThat(passwordEncoder.matches("", stored.getPasswordHash())).isFalse();
        assertThat(passwordEncoder.matches(ImportedAuthors.UNUSABLE_PASSWORD_HASH, stored.getPasswordHash()))
                .isFalse();
    }

    @Test
    void a_nameless_author_is_shown_as_anonymous_and_control_characters_are_dropped() {
        signIn.as("admin@dateline.test");

        var nameless = service.importedAuthor("   ", "");
        var controlled = service.importedAuthor("Bell\u0007 Ringer\n", "");

        assertThat(repository.findById(nameless).orElseThrow().getDisplayName()).isEqualTo("Anonymous");
        assertThat(repository.findById(controlled).orElseThrow().getDisplayName())
                .isEqualTo("Bell Ringer");
    }

    @Test
    void only_an_admin_may_add_imported_authors() {
        for (var email : new String[] {"moderator@dateline.test", "editor@dateline.test", "reader@dateline.test"}) {
            signIn.as(email);

            assertThatThrownBy(() -> service.importedAuthor("Sneaky", "sneaky@example.org"))
                    .as(email)
                    .isInstanceOf(AccessDeniedException.class);
        }
    }
}
