package com.dateline.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.account.AccountService;
import com.dateline.account.Registration;
import com.dateline.support.HostileInput;
import com.dateline.support.HostileInput.Sample;
import com.dateline.support.SignIn;
import com.vaadin.browserless.SpringBrowserlessTest;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The registration form and the account page with hostile input: a refused value gets its message beside its field
 * and what was typed stays in the form.
 */
@SpringBootTest
class HostileAccountFormsTest extends SpringBrowserlessTest {

    @RegisterExtension
    final SignIn signIn = new SignIn();

    @Autowired
    AccountService accounts;

    static Stream<Arguments> refusedNames() {
        return Stream.of(HostileInput.unshowable(), HostileInput.huge(), HostileInput.blank())
                .flatMap(stream -> stream);
    }

    @ParameterizedTest
    @MethodSource("refusedNames")
    void registration_shows_why_a_name_is_refused_and_keeps_the_name_and_email(Sample sample) {
        var email = "form-" + UUID.randomUUID() + "@example.org";
        var view = navigate("register", RegisterView.class);

        test(view.displayName).setValue(sample.text());
        test(view.email).setValue(email);
        test(view.password).setValue("tea-in-the-souk-at-dawn");
        test(view.create).click();

        assertThat(view.displayName.isInvalid()).isTrue();
        assertThat(view.displayName.getErrorMessage()).isNotBlank();
        assertThat(view.displayName.getValue()).isEqualTo(sample.text());
        assertThat(view.email.getValue()).isEqualTo(email);
        assertThat(view.create.isEnabled()).isTrue();
        assertThat(accounts.findAccountId(email)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("com.dateline.support.HostileInput#huge")
    void registration_refuses_a_megabyte_password_with_a_message_instead_of_failing(Sample sample) {
        var email = "form-" + UUID.randomUUID() + "@example.org";
        var view = navigate("register", RegisterView.class);

        test(view.displayName).setValue("Leila Haddad");
        test(view.email).setValue(email);
        test(view.password).setValue(sample.text());
        test(view.create).click();

        assertThat(view.password.isInvalid()).isTrue();
        assertThat(view.password.getErrorMessage()).startsWith("Your password is too long");
        assertThat(view.displayName.getValue()).isEqualTo("Leila Haddad");
        assertThat(accounts.findAccountId(email)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("refusedNames")
    void the_account_page_shows_why_a_new_name_is_refused_and_keeps_it_in_the_field(Sample sample) {
        var account = accounts.register(new Registration(
                "Leila Haddad", "form-" + UUID.randomUUID() + "@example.org", "tea-in-the-souk-at-dawn"));
        signIn.as(account.email());
        var view = navigate("account", AccountView.class);

        test(view.displayName).setValue(sample.text());
        test(view.saveName).click();

        assertThat(view.displayName.isInvalid()).isTrue();
        assertThat(view.displayName.getErrorMessage()).isNotBlank();
        assertThat(view.displayName.getValue()).isEqualTo(sample.text());
        assertThat(accounts.myAccount().displayName()).isEqualTo("Leila Haddad");
    }
}
