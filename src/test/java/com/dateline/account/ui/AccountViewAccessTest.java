package com.dateline.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.security.ui.LoginView;
import com.dateline.support.SignIn;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;

/** Who may open "My account", and what a reader sees there. */
@SpringBootTest
class AccountViewAccessTest extends SpringBrowserlessTest {

    @RegisterExtension
    final SignIn signIn = new SignIn();

    @Test
    void signed_out_opening_my_account_lands_on_the_sign_in_page() {
        navigate("account", LoginView.class);

        assertThat(find(AccountView.class).exists()).isFalse();
    }

    @Test
    void a_signed_in_reader_can_open_my_account() {
        signIn.as("reader@dateline.test");
        navigate("account", AccountView.class);
    }

    @Test
    void a_signed_in_moderator_can_open_my_account() {
        signIn.as("moderator@dateline.test");
        navigate("account", AccountView.class);
    }

    @Test
    void a_signed_in_editor_can_open_my_account() {
        signIn.as("editor@dateline.test");
        navigate("account", AccountView.class);
    }

    @Test
    void a_signed_in_admin_can_open_my_account() {
        signIn.as("admin@dateline.test");
        navigate("account", AccountView.class);
    }

    // The view's own fields are not read directly: @PermitAll also switches on Spring's JSR-250
    // method security for the class, so the instance the router returns may be a proxy.
    private TextField displayNameField() {
        return find(TextField.class).withLabel("Display name").single();
    }

    @Test
    void my_account_shows_the_signed_in_email_and_display_name() {
        signIn.as("reader@dateline.test");
        navigate("account", AccountView.class);

        assertThat(find(Paragraph.class)
                        .withTextContaining("Signed in as reader@dateline.test")
                        .exists())
                .isTrue();
        assertThat(displayNameField().getValue()).isEqualTo("Demo Reader");
    }

    @Test
    void saving_an_invalid_display_name_shows_the_error_on_the_field_and_keeps_the_typed_text() {
        signIn.as("reader@dateline.test");
        navigate("account", AccountView.class);

        test(displayNameField()).setValue("R");
        test(find(Button.class).withText("Save name").single()).click();

        var field = displayNameField();
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).isEqualTo("Your display name must be 2 to 40 characters long.");
        assertThat(field.getValue()).isEqualTo("R");
    }
}
