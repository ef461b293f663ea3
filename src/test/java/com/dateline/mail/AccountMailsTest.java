package com.dateline.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dateline.account.AccountRejected;
import com.dateline.account.AccountService;
import com.dateline.account.EmailChange;
import com.dateline.account.EmailVerification;
import com.dateline.account.LinkRefused;
import com.dateline.account.PasswordReset;
import com.dateline.account.Registration;
import com.dateline.support.MailedLinks;
import com.dateline.support.MutableClock;
import com.dateline.support.SignIn;
import jakarta.mail.internet.MimeMessage;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What a reader finds in their inbox after registering, registering again, or asking for a new password: a real SMTP
 * server in the test JVM receives the mail, and the link in it does what the mail says.
 */
@SpringBootTest
@Import(MutableClock.InPlaceOfTheSystemClock.class)
class AccountMailsTest implements MailTestServer {

    private static final String PASSWORD = "dates-from-the-basra-palms";
    private static final Pattern LINK = Pattern.compile("https?://\\S+token=\\S+");

    @Autowired
    AccountService accounts;

    @Autowired
    EmailVerification verification;

    @Autowired
    PasswordReset reset;

    @Autowired
    UserDetailsService users;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    EmailChange emailChange;

    @Autowired
    JdbcClient jdbc;

    @RegisterExtension
    final SignIn signIn = new SignIn();

    @BeforeEach
    void serverUp() throws Exception {
        MailTestServer.serverUpAndEmpty();
    }

    private static String address() {
        return "reader-" + UUID.randomUUID() + "@example.org";
    }

    private static MimeMessage theOneMail() {
        assertThat(SMTP.waitForIncomingEmail(MailTestSupport.PATIENCE.toMillis(), 1))
                .as("a mail arrived")
                .isTrue();
        var received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    private static String link(MimeMessage mail) {
        var found = LINK.matcher(MailTestSupport.bodies(mail).text());
        assertThat(found.find()).as("a link in the text").isTrue();
        return found.group();
    }

    @Test
    void a_new_reader_gets_a_link_that_verifies_the_address_once() throws Exception {
        var email = address();
        accounts.register(new Registration("Nadia <b>Haddad</b>", email, PASSWORD), "127.0.0.1");

        var mail = theOneMail();

        assertThat(MailTestSupport.recipients(mail)).containsExactly(email);
        assertThat(mail.getSubject()).isEqualTo("Confirm your address for Babylon & Beyond");
        var bodies = MailTestSupport.bodies(mail);
        assertThat(bodies.text()).contains("Hello Nadia <b>Haddad</b>,", email, "Confirm my address:");
        assertThat(bodies.html())
                .contains("Hello Nadia &lt;b&gt;Haddad&lt;/b&gt;,")
                .doesNotContain("<b>Haddad");
        var id = jdbc.sql("select id from account where email = ?")
                .param(email)
                .query(Long.class)
                .single();
        assertThat(accounts.isEmailVerified(id)).isFalse();

        assertThat(verification.verify(MailedLinks.token(link(mail)))).isEqualTo(email);

        assertThat(accounts.isEmailVerified(id)).isTrue();
        assertThatThrownBy(() -> verification.verify(MailedLinks.token(link(mail))))
                .isInstanceOf(LinkRefused.class);
    }

    @Test
    void registering_again_with_a_known_address_mails_its_owner_and_no_link() throws Exception {
        var email = address();
        accounts.register(new Registration("Omar in Basra", email, PASSWORD));

        accounts.register(new Registration("Someone Else", email, "another-password-of-2008"), "127.0.0.2");

        var mail = theOneMail();
        assertThat(MailTestSupport.recipients(mail)).containsExactly(email);
        assertThat(mail.getSubject()).isEqualTo("Someone tried to sign up with your address on Babylon & Beyond");
        var text = MailTestSupport.bodies(mail).text();
        assertThat(text).contains("Hello Omar in Basra,", "No second account was made", "/login", "/forgot-password");
        assertThat(text).doesNotContain("token=");
    }

    @Test
    void a_reset_link_sets_a_new_password_and_the_old_one_stops_working() throws Exception {
        var email = address();
        accounts.register(new Registration("Leila in Amman", email, PASSWORD));

        reset.request(email, "127.0.0.3");

        var mail = theOneMail();
        assertThat(MailTestSupport.recipients(mail)).containsExactly(email);
        assertThat(mail.getSubject()).isEqualTo("Set a new password on Babylon & Beyond");
        var newPassword = "figs-and-mint-tea-in-madaba";
        reset.reset(MailedLinks.token(link(mail)), newPassword, newPassword);

        var stored = users.loadUserByUsername(email).getPassword();
        assertThat(passwordEncoder.matches(newPassword, stored)).isTrue();
        assertThat(passwordEncoder.matches(PASSWORD, stored)).isFalse();
    }

    @Test
    void an_address_change_sends_the_link_to_the_new_address_and_a_warning_to_the_old_one() throws Exception {
        var old = address();
        var moved = address();
        accounts.register(new Registration("Samir in Beirut", old, PASSWORD));

        signIn.run(old, () -> emailChange.request(PASSWORD, moved));

        assertThat(SMTP.waitForIncomingEmail(MailTestSupport.PATIENCE.toMillis(), 2))
                .as("two mails arrived")
                .isTrue();
        var received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(2);
        var toNew = received[0].getSubject().startsWith("Confirm") ? received[0] : received[1];
        var toOld = toNew == received[0] ? received[1] : received[0];
        assertThat(MailTestSupport.recipients(toNew)).containsExactly(moved);
        assertThat(toNew.getSubject()).isEqualTo("Confirm your new address on Babylon & Beyond");
        assertThat(MailTestSupport.recipients(toOld)).containsExactly(old);
        assertThat(toOld.getSubject()).isEqualTo("Your address on Babylon & Beyond is being changed");
        assertThat(MailTestSupport.bodies(toOld).text()).contains(moved).doesNotContain("token=");

        assertThat(emailChange.confirm(MailedLinks.token(link(toNew)))).isEqualTo(moved);
    }

    @Test
    void an_unknown_address_asking_for_a_reset_gets_no_mail() throws Exception {
        reset.request(address(), "127.0.0.4");
        var known = address();
        accounts.register(new Registration("Rami in Haifa", known, PASSWORD));

        reset.request(known, "127.0.0.4");

        assertThat(MailTestSupport.recipients(theOneMail())).containsExactly(known);
        assertThatThrownBy(() -> reset.request("", "127.0.0.4")).isInstanceOf(AccountRejected.class);
    }
}
