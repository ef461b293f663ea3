package com.dateline;

import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.support.FailingEndpoint;
import com.dateline.support.HttpBrowser;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A failure outside Vaadin's pages (a controller, a filter) gets a plain friendly page with a reference and no trace
 * of the exception, and the log line with the stack trace carries the same reference.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ErrorPagesIT {

    private static final Pattern REFERENCE =
            Pattern.compile("quote reference ([0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4})\\.");

    @LocalServerPort
    int port;

    @Test
    void a_failing_request_gets_a_friendly_page_with_a_reference_that_the_log_line_with_the_stack_trace_carries(
            CapturedOutput output) throws Exception {
        var response = new HttpBrowser(port).get("/test-only/failure");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        var page = Jsoup.parse(response.body());
        assertThat(page.selectFirst("h1").text()).isEqualTo("Something went wrong");
        var reference = REFERENCE.matcher(page.body().text());
        assertThat(reference.find()).as(page.body().text()).isTrue();
        assertThat(response.body())
                .doesNotContain(FailingEndpoint.SECRET)
                .doesNotContain("IllegalStateException")
                .doesNotContain("at com.")
                .doesNotContain("Whitelabel");

        var logged = output.getAll();
        var line = logged.lines()
                .filter(l -> l.contains("reference " + reference.group(1)))
                .toList();
        assertThat(line)
                .singleElement()
                .satisfies(l -> assertThat(l).contains("ERROR").contains("/test-only/failure"));
        var after = logged.substring(logged.indexOf("reference " + reference.group(1)));
        assertThat(after)
                .contains("java.lang.IllegalStateException: " + FailingEndpoint.SECRET)
                .containsPattern("\\tat com\\.dateline\\.support\\.FailingEndpoint\\.failure");
    }

    @Test
    void each_failure_gets_its_own_reference() throws Exception {
        var first = REFERENCE.matcher(
                new HttpBrowser(port).get("/test-only/failure").body());
        var second = REFERENCE.matcher(
                new HttpBrowser(port).get("/test-only/failure").body());

        assertThat(first.find()).isTrue();
        assertThat(second.find()).isTrue();
        assertThat(first.group(1)).isNotEqualTo(second.group(1));
    }
}
