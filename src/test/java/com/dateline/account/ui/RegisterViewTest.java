package com.dateline.account.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dateline.security.CurrentUser;
import com.dateline.security.ui.LoginView;
import com.dateline.support.SignIn;
import com.vaadin.browserless.SpringBrowserlessTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registration form: a refused field says why and keeps what was typed; a valid one creates the account and says
 * "Check your inbox", the same answer as for an address that already has an account.
 */
@SpringBootTest
class RegisterViewTest extends SpringBrowserlessTest {

    @RegisterExtension
    final SignIn signIn = new SignIn();

    @Autowired
    UserDetailsService users;

    private static String uniqueEmail() {
        return "register-" + UUID.randomUUID() + "@example.org";
    }

    @Test
    void a_one_character_name_and_an_invalid_email_each_get_a_message_and_the_typed_values_stay() {
        var view = navigate("register", RegisterView.class);

        test(view.displayName).setValue("L");
        test(view.email).setValue("leila.example.org");
        test(view.password).setValue("tea-in-the-souk-at-dawn");
        test(view.create).click();

        assertThat(view.displayName.isInvalid()).isTrue();
        assertThat(view.displayName.getErrorMessage()).isEqualTo("Your display name must be 2 to 40 characters long.");
        assertThat(view.email.isInvalid()).isTrue();
        assertThat(view.email.getErrorMessage()).isEqualTo("Enter a valid e-mail address, like name@example.org.");
        assertThat(view.password.isInvalid()).isFalse();
        assertThat(view.displayName.getValue()).isEqualTo("L");
        assertThat(view.email.getValue()).isEqualTo("leila.example.org");
        // The issue allows the password to be cleared after a refusal; name and e-mail must stay.
        assertThat(view.create.isEnabled()).isTrue();
    }

    @Test
    void a_taken_email_in_another_letter_case_gets_the_same_answer_as_a_new_address() {
        var taken = navigate("register", RegisterView.class);
        test(taken.displayName).setValue("Leila Haddad");
        test(taken.email).setValue("Reader@Dateline.test");
        test(taken.password).setValue("tea-in-the-souk-at-dawn");
        test(taken.create).click();
        var takenAnswer = taken.answer.text();

        var email = uniqueEmail();
        navigate("login", LoginView.class);
        var fresh = navigate("register", RegisterView.class);
        test(fresh.displayName).setValue("Leila Haddad");
        test(fresh.email).setValue(email);
        test(fresh.password).setValue("tea-in-the-souk-at-dawn");
        test(fresh.create).click();

        assertThat(taken.email.isInvalid()).isFalse();
        assertThat(takenAnswer).startsWith("Check your inbox").contains("Reader@Dateline.test");
        assertThat(fresh.answer.text()).isEqualTo(takenAnswer.replace("Reader@Dateline.test", email));
        assertThat(taken.create.isVisible()).isFalse();
        assertThat(fresh.create.isVisible()).isFalse();
    }

    @Test
    void an_address_that_cannot_receive_mail_gets_its_message_and_the_typed_name_and_email_stay() {
        var view = navigate("register", RegisterView.class);

        test(view.displayName).setValue("Leila Haddad");
        test(view.email).setValue("deleted-42@accounts.invalid");
        test(view.password).setValue("tea-in-the-souk-at-dawn");
        test(view.create).click();

        assertThat(view.email.isInvalid()).isTrue();
        assertThat(view.email.getErrorMessage()).isEqualTo("This address cannot receive mail; use your own address.");
        assertThat(view.email.getValue()).isEqualTo("deleted-42@accounts.invalid");
        assertThat(view.displayName.getValue()).isEqualTo("Leila Haddad");
        assertThat(view.create.isEnabled()).isTrue();
    }

    @Test
    void a_common_password_gets_its_message_on_the_password_field() {
        var view = navigate("register", RegisterView.class);

        test(view.displayName).setValue("Leila Haddad");
        test(view.email).setValue(uniqueEmail());
        test(view.password).setValue("password1234");
        test(view.create).click();

        assertThat(view.password.isInvalid()).isTrue();
        assertThat(view.password.getErrorMessage()).contains("too common");
        assertThat(view.displayName.isInvalid()).isFalse();
        assertThat(view.email.isInvalid()).isFalse();
    }

    @Test
    @Transactional
    void a_valid_registration_stores_the_account() {
        var email = uniqueEmail();
        var view = navigate("register", RegisterView.class);

        test(view.displayName).setValue("  Leila Haddad ");
        test(view.email).setValue(email);
        test(view.password).setValue("tea-in-the-souk-at-dawn");
        test(view.create).click();

        var stored = users.loadUserByUsername(email);
        assertThat(stored.getUsername()).isEqualTo(email);
        assertThat(view.answer.text()).startsWith("Check your inbox").contains("We sent a message to " + email + ".");
        assertThat(CurrentUser.get()).as("nobody is signed in by registering").isEmpty();
        assertThat(stored.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_READER");
        assertThat(view.displayName.isInvalid()).isFalse();
        assertThat(view.email.isInvalid()).isFalse();
        assertThat(view.password.isInvalid()).isFalse();
    }

    @Test
    void a_refused_registration_stores_nothing() {
        var email = uniqueEmail();
        var view = navigate("register", RegisterView.class);

        test(view.displayName).setValue("L");
        test(view.email).setValue(email);
        test(view.password).setValue("tea-in-the-souk-at-dawn");
        test(view.create).click();

        assertThatThrownBy(() -> users.loadUserByUsername(email)).isInstanceOf(UsernameNotFoundException.class);
    }

    @Test
    void a_signed_in_reader_opening_register_is_sent_to_my_account() {
        signIn.as("reader@dateline.test");
        navigate("register", AccountView.class);
    }
}
