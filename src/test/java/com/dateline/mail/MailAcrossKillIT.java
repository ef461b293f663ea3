package com.dateline.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dateline.support.AppProcess;
import com.dateline.support.HttpBrowser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A mail survives {@code kill -9}: a reader registers while the mail server is down, the outbox commits the mail and
 * fails its first attempt, and the process is killed. Started again on the same data folder with the server up, the
 * application sends that mail once, and the outbox then holds it as sent, with no event left that would queue it
 * again. Two real processes and a real SMTP server (GreenMail) in the test JVM; every wait is for something the
 * application logs or the server receives.
 */
class MailAcrossKillIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern FIRST_ATTEMPT_FAILED =
            Pattern.compile("Mail (\\d+) \\((verify-email:[^)]+)\\) not sent, attempt 1: ");
    /** The outbox's query for due mails, as Spring's JdbcTemplate logs it at DEBUG: one per sweep. */
    private static final Pattern SWEEP =
            Pattern.compile("Executing prepared SQL statement \\[select id from outgoing_mail\\R");

    private static final Pattern VERIFY_LINK = Pattern.compile("https?://\\S+/verify-email\\?token=\\S+");

    @TempDir
    Path data;

    @Test
    void a_mail_committed_before_a_kill_is_sent_once_after_the_restart() throws Exception {
        var smtpPort = AppProcess.freePort();
        var email = "kill-" + UUID.randomUUID() + "@example.org";

        String id;
        String key;
        try (var app = start(smtpPort)) {
            app.awaitReady(log -> true);
            register(app, email);
            var failed = awaitLog(app, FIRST_ATTEMPT_FAILED, Duration.ofSeconds(30));
            id = failed.group(1);
            key = failed.group(2);

            // SIGKILL through the handle: Process.destroyForcibly would also close the pipe the log is read from.
            app.process().toHandle().destroyForcibly();
            assertThat(app.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(app.process().exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
        }

        var smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            try (var app = start(smtpPort)) {
                app.awaitReady(log -> true);
                // Its second attempt is due 30 s after the first (MailDelivery.DELAYS); a sweep finds it then.
                assertThat(smtp.waitForIncomingEmail(Duration.ofSeconds(60).toMillis(), 1))
                        .as("the mail arrived after the restart; log:%n%s", app)
                        .isTrue();
                awaitLog(
                        app,
                        Pattern.compile(Pattern.quote("Mail " + id + " (" + key + ") sent, attempt 2")),
                        Duration.ofSeconds(30));
                var sweepsWhenSent = sweeps(app);
                await("two more sweeps").atMost(Duration.ofSeconds(30)).until(() -> sweeps(app) >= sweepsWhenSent + 2);
            }

            var received = smtp.getReceivedMessages();
            assertThat(received).as("mails received").hasSize(1);
            var mail = received[0];
            assertThat(MailTestSupport.recipients(mail)).containsExactly(email);
            assertThat(mail.getSubject()).isEqualTo("Confirm your address for Babylon & Beyond");
            assertThat(MailTestSupport.bodies(mail).text()).containsPattern(VERIFY_LINK);

            var dataSource = new SingleConnectionDataSource(
                    "jdbc:h2:file:" + data.resolve("dateline").toAbsolutePath(), "sa", "", true);
            try {
                var jdbc = JdbcClient.create(dataSource);
                var outbox = new MailTestSupport(jdbc);
                assertThat(outbox.count(key)).isEqualTo(1);
                var row = outbox.row(key);
                assertThat(row.status()).isEqualTo("SENT");
                assertThat(row.attempts()).isEqualTo(2);
                assertThat(row.messageId()).isEqualTo(mail.getMessageID());
                assertThat(jdbc.sql("select count(*) from event_publication where completion_date is null")
                                .query(Integer.class)
                                .single())
                        .as("events a later start would deliver again")
                        .isZero();
            } finally {
                dataSource.destroy();
            }
        } finally {
            smtp.stop();
        }
    }

    /** The application with the shipped settings, sending to the port (where no server may listen yet). */
    private AppProcess start(int smtpPort) throws IOException {
        return AppProcess.start(
                data,
                Map.of(),
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                "--dateline.mail.sweep-interval=1s",
                "--logging.level.org.springframework.jdbc.core.JdbcTemplate=DEBUG");
    }

    /**
     * Fills in the registration form and clicks "Create account" as the page's script would: the UI's start, the
     * navigation to the view, then the fields' values and the click in one message.
     */
    private static void register(AppProcess app, String email) throws Exception {
        var browser = new HttpBrowser(app.port());
        browser.get("/register");
        var init = JSON.readTree(
                        browser.get("/?v-r=init&location=register&query=").body())
                .path("appConfig");
        var ui = new Ui(browser, init);

        var navigate = event(1, "ui-navigate");
        navigate.putObject("data")
                .put("route", "register")
                .put("query", "")
                .put("appShellTitle", "")
                .put("trigger", "")
                .putObject("historyState")
                .put("idx", 0);
        var view = ui.send(List.of(navigate));
        var nodes = new HashMap<String, Integer>();
        for (var change : view.path("changes")) {
            if ("id".equals(change.path("key").asString(""))) {
                nodes.put(change.path("value").asString(), change.path("node").asInt());
            }
        }

        assertThat(nodes).containsKeys("display-name", "email", "password", "create-account");
        var typed = new ArrayList<ObjectNode>();
        for (var field : Map.of(
                        "display-name", "Reader Across A Crash", "email", email, "password", "olive trees at dawn 2008")
                .entrySet()) {
            typed.add(JSON.createObjectNode()
                    .put("type", "mSync")
                    .put("node", nodes.get(field.getKey()))
                    .put("feature", 1)
                    .put("property", "value")
                    .put("value", field.getValue()));
        }
        var click = event(nodes.get("create-account"), "click");
        var details = click.putObject("data");
        List.of("event.shiftKey", "event.metaKey", "event.ctrlKey", "event.altKey")
                .forEach(name -> details.put(name, false));
        List.of("event.button", "event.clientX", "event.clientY", "event.screenX", "event.screenY")
                .forEach(name -> details.put(name, 0));
        details.put("event.detail", 1);
        typed.add(click);

        var answer = ui.send(typed);
        assertThat(answer.toString()).as("the page's answer to the form").contains("Check your inbox");
    }

    private static ObjectNode event(int node, String name) {
        return JSON.createObjectNode().put("type", "event").put("node", node).put("event", name);
    }

    /** One UI in the browser's session, and where its conversation with the server stands. */
    private static final class Ui {

        private final HttpBrowser browser;
        private final int id;
        private final String securityKey;
        private int syncId;
        private int clientId;

        Ui(HttpBrowser browser, JsonNode appConfig) {
            this.browser = browser;
            this.id = appConfig.path("v-uiId").asInt();
            this.securityKey =
                    appConfig.path("uidl").path("Vaadin-Security-Key").asString();
        }

        /** Sends the calls in one message, as the page's script does, and returns the server's changes. */
        JsonNode send(List<ObjectNode> rpc) throws IOException, InterruptedException {
            var message = JSON.createObjectNode().put("csrfToken", securityKey);
            message.putArray("rpc").addAll(rpc);
            message.put("syncId", syncId).put("clientId", clientId);
            var response = browser.send(HttpRequest.newBuilder(browser.uri("/?v-r=uidl&v-uiId=" + id))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(message.toString()))
                    .build());
            assertThat(response.statusCode()).isEqualTo(200);
            // The answer is guarded against being run as a script: for(;;);[{…}]
            var answer = JSON.readTree(
                    response.body().replaceFirst("^for\\(;;\\);\\[", "").replaceFirst("]$", ""));
            syncId = answer.path("syncId").asInt();
            clientId++;
            return answer;
        }
    }

    /** Waits until the log has the line, and returns its match. */
    private static Matcher awaitLog(AppProcess app, Pattern line, Duration patience) {
        await().atMost(patience).untilAsserted(() -> assertThat(app.log()).containsPattern(line));
        var found = line.matcher(app.log());
        assertThat(found.find()).isTrue();
        return found;
    }

    private static long sweeps(AppProcess app) {
        return SWEEP.matcher(app.log()).results().count();
    }
}
