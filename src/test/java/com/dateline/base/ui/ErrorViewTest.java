package com.dateline.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Failures nobody planned for, in Vaadin's pages: opening a page that fails shows "Something went wrong" with a
 * reference, and a failing click or change listener a notification with one; the exception's message stays in the
 * log, whose line carries the same reference and the stack trace.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class ErrorViewTest extends SpringBrowserlessTest {

    private static final String SECRET = "password=hunter2 in the connection string";
    private static final Pattern MESSAGE = Pattern.compile(
            "Something went wrong on our side\\. If you contact us, quote reference ([0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4})\\.");

    /** A page that fails as it opens, the way a bug in a view would. */
    @AnonymousAllowed
    public static class FailingView extends Div implements BeforeEnterObserver {
        @Override
        public void beforeEnter(BeforeEnterEvent event) {
            throw new IllegalStateException(SECRET);
        }
    }

    private static String referenceIn(String text) {
        var matcher = MESSAGE.matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        return matcher.group(1);
    }

    private static void assertLoggedWithTrace(CapturedOutput output, String reference) {
        var logged = output.getAll();
        assertThat(logged.lines().filter(line -> line.contains("reference " + reference)))
                .singleElement()
                .satisfies(line -> assertThat(line).contains("ERROR"));
        assertThat(logged.substring(logged.indexOf("reference " + reference)))
                .contains("java.lang.IllegalStateException: " + SECRET)
                .containsPattern("\\tat com\\.dateline\\.");
    }

    @Test
    void a_page_that_fails_to_open_shows_something_went_wrong_with_a_reference_the_log_carries(CapturedOutput output) {
        RouteConfiguration.forSessionScope().setRoute("failing-for-test", FailingView.class);

        var view = navigate("failing-for-test", ErrorView.class);

        var text = view.getElement().getTextRecursively();
        assertThat(text)
                .startsWith("Something went wrong")
                .doesNotContain(SECRET)
                .doesNotContain("IllegalStateException");
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Something went wrong — Babylon & Beyond");
        assertLoggedWithTrace(output, referenceIn(view.message.getText()));
    }

    @Test
    void a_failing_listener_shows_a_notification_with_a_reference_the_log_carries(CapturedOutput output) {
        UI.getCurrent().navigate("");
        var handler = VaadinSession.getCurrent().getErrorHandler();
        assertThat(handler).isInstanceOf(UiErrors.class);

        handler.error(new ErrorEvent(new IllegalStateException(SECRET)));

        var notification = find(Notification.class).last();
        var text = test(notification).getText();
        assertThat(notification.isOpened()).isTrue();
        assertThat(text).doesNotContain(SECRET);
        assertLoggedWithTrace(output, referenceIn(text));
    }

    @Test
    void a_browser_that_went_away_is_no_error_and_shows_nothing(CapturedOutput output) {
        UI.getCurrent().navigate("");

        VaadinSession.getCurrent()
                .getErrorHandler()
                .error(new ErrorEvent(new java.io.UncheckedIOException(new java.io.IOException("Broken pipe"))));

        assertThat(find(Notification.class).exists()).isFalse();
        assertThat(output.getAll()).doesNotContain("Unexpected error");
    }
}
