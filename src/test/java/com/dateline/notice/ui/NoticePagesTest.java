package com.dateline.notice.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.account.AccountService;
import com.dateline.account.Registration;
import com.dateline.notice.NoticeChoice;
import com.dateline.notice.NoticeChoices;
import com.dateline.notice.NoticeService;
import com.dateline.support.Demo;
import com.dateline.support.SignIn;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The notices as a reader meets them: the section on their account page, and the page an unsubscribe link opens. */
@SpringBootTest
class NoticePagesTest extends SpringBrowserlessTest {

    private static final String PASSWORD = "figs-and-cardamom-in-aleppo";

    @RegisterExtension
    final SignIn signIn = new SignIn();

    @Autowired
    AccountService accounts;

    @Autowired
    NoticeService notices;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void moderatorHearsNothing() {
        signIn.run(Demo.MODERATOR, () -> notices.saveMine(NoticeChoices.NONE));
    }

    private String verifiedReader() {
        var email = "notices-" + UUID.randomUUID() + "@example.org";
        accounts.register(new Registration("Hala in Amman", email, PASSWORD));
        signIn.as(email);
        return email;
    }

    private NoticesSection section() {
        navigate("account", Component.class);
        return find(NoticesSection.class).single();
    }

    private String unsubscribeToken(String kind, String email) {
        var secret = jdbc.sql("select p.unsubscribe_secret from notice_preference p join account a"
                        + " on a.id = p.account_id where a.email = ?")
                .param(email)
                .query(String.class)
                .single();
        return kind + "." + secret;
    }

    private UnsubscribeView openUnsubscribe(String token) {
        navigate("", Component.class);
        UI.getCurrent().navigate("unsubscribe", QueryParameters.of("token", token));
        return (UnsubscribeView) getCurrentView();
    }

    @Test
    void a_verified_reader_chooses_notices_on_the_account_page() {
        var email = verifiedReader();
        var section = section();
        assertThat(section.replies.isEnabled()).isTrue();
        assertThat(section.replies.getValue()).isEqualTo(NoticeChoice.OFF);

        test(section.replies).selectItem(NoticeChoice.IMMEDIATELY.label());
        test(section.notPublished).selectItem(NoticeChoice.DAILY.label());
        test(section.save).click();

        assertThat(section.answer.text()).isEqualTo("Your notices are saved.");
        var saved = signIn.call(email, notices::mine);
        assertThat(saved.replies()).isEqualTo(NoticeChoice.IMMEDIATELY);
        assertThat(saved.notPublished()).isEqualTo(NoticeChoice.DAILY);
        assertThat(saved.published()).isEqualTo(NoticeChoice.OFF);
        assertThat(section().replies.getValue())
                .as("shown again when the page opens")
                .isEqualTo(NoticeChoice.IMMEDIATELY);
        assertThat(section.queueAlert.isAttached())
                .as("readers are not offered the queue alert")
                .isFalse();
    }

    @Test
    void an_unverified_reader_sees_why_notices_cannot_be_turned_on_yet() {
        var email = "unverified-notices-" + UUID.randomUUID() + "@example.org";
        accounts.register(new Registration("Not Yet Verified", email, PASSWORD), "192.0.2.77");
        signIn.as(email);

        var section = section();

        assertThat(section.replies.isEnabled()).isFalse();
        assertThat(section.save.isEnabled()).isFalse();
        assertThat(section.getElement().getTextRecursively())
                .contains("Confirm your e-mail address to turn notices on");
    }

    @Test
    void a_moderator_sets_the_queue_alert_and_a_bad_limit_is_marked_with_what_was_typed_kept() {
        signIn.as(Demo.MODERATOR);
        var section = section();

        test(section.queueAlert).click();
        // Past the field's own minimum, as a crafted request could send it: the service is what refuses.
        section.queueLongerThan.setValue(0);
        test(section.queueOlderThanMinutes).setValue(45);
        test(section.save).click();

        assertThat(section.queueLongerThan.isInvalid()).isTrue();
        assertThat(section.queueLongerThan.getErrorMessage()).startsWith("Enter a number of comments from 1 to");
        assertThat(section.queueOlderThanMinutes.getValue()).isEqualTo(45);
        assertThat(notices.mine().queueAlert()).as("nothing stored").isFalse();

        test(section.queueLongerThan).setValue(30);
        test(section.save).click();

        assertThat(section.queueLongerThan.isInvalid()).isFalse();
        assertThat(notices.mine())
                .extracting(
                        NoticeChoices::queueAlert, NoticeChoices::queueLongerThan, NoticeChoices::queueOlderThanMinutes)
                .containsExactly(true, 30, 45);
    }

    @Test
    void an_unsubscribe_link_asks_first_and_then_stops_that_notice_without_signing_in() {
        var email = verifiedReader();
        var section = section();
        test(section.replies).selectItem(NoticeChoice.IMMEDIATELY.label());
        test(section.published).selectItem(NoticeChoice.IMMEDIATELY.label());
        test(section.save).click();
        var token = unsubscribeToken("replies", email);
        signIn.asAnonymous();

        var page = openUnsubscribe(token);

        assertThat(page.answer.text()).contains("You will no longer get “Replies to my comments” by e-mail.");
        assertThat(signIn.call(email, notices::mine).replies())
                .as("opening the link alone changes nothing")
                .isEqualTo(NoticeChoice.IMMEDIATELY);
        signIn.asAnonymous();

        test(page.stop).click();

        assertThat(page.answer.text()).startsWith("Done: you will no longer get “Replies to my comments”");
        var after = signIn.call(email, notices::mine);
        assertThat(after.replies()).isEqualTo(NoticeChoice.OFF);
        assertThat(after.published()).as("the other notice stays").isEqualTo(NoticeChoice.IMMEDIATELY);
    }

    @Test
    void a_second_link_opened_in_the_same_tab_stops_only_what_it_names() {
        var email = verifiedReader();
        var section = section();
        test(section.replies).selectItem(NoticeChoice.IMMEDIATELY.label());
        test(section.published).selectItem(NoticeChoice.IMMEDIATELY.label());
        test(section.save).click();
        var replies = unsubscribeToken("replies", email);
        var published = unsubscribeToken("published", email);
        signIn.asAnonymous();

        var first = openUnsubscribe(replies);
        UI.getCurrent().navigate("unsubscribe", QueryParameters.of("token", published));
        var page = (UnsubscribeView) getCurrentView();
        test(page.stop).click();

        assertThat(page).as("the router kept the view").isSameAs(first);
        var after = signIn.call(email, notices::mine);
        assertThat(after.published()).isEqualTo(NoticeChoice.OFF);
        assertThat(after.replies()).as("the first link was only looked at").isEqualTo(NoticeChoice.IMMEDIATELY);
    }

    @Test
    void a_link_that_is_not_ours_says_so_and_points_to_the_account_page() {
        signIn.asAnonymous();

        var page = openUnsubscribe("replies.not-a-secret-we-gave");

        assertThat(page.answer.text()).contains("This link is not one of ours");
        assertThat(page.stop.isAttached()).isFalse();
    }
}
