package com.dateline.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The quick start, in the tests' shared configuration, which names no mail server: a queued mail is written whole as
 * an .eml file in the mail folder, counts as sent, and the log names the file and the mail's first link.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class EmlFileWithoutMailServerTest {

    @Autowired
    MailOutbox outbox;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Test
    void without_a_mail_server_a_mail_is_written_as_an_eml_file_and_the_log_names_it_and_its_link(CapturedOutput output)
            throws Exception {
        var key = "eml-test:" + UUID.randomUUID();
        var link = "https://blog.example.org/verify/" + UUID.randomUUID();
        transaction.executeWithoutResult(status -> outbox.queue(new OutgoingMail(
                key,
                "reader@example.org",
                "Confirm your address",
                "Hello,\nopen " + link + ". Then see https://blog.example.org/other.",
                "<p><a href=\"" + link + "\">Confirm</a></p>")));

        var row = new MailTestSupport(jdbc).awaitAttempts(key, 1);

        assertThat(row.status()).isEqualTo("SENT");
        assertThat(row.lastAnswer()).startsWith("Written to ").endsWith(".eml");
        var file = Path.of(row.lastAnswer().substring("Written to ".length()));
        assertThat(file.getParent()).isEqualTo(Path.of("target", "test-mail").toAbsolutePath());
        try (var in = Files.newInputStream(file)) {
            var written = new MimeMessage(Session.getInstance(new Properties()), in);
            assertThat(written.getSubject()).isEqualTo("Confirm your address");
            assertThat(MailTestSupport.recipients(written)).containsExactly("reader@example.org");
            assertThat(written.getMessageID()).isEqualTo(row.messageId());
            var parts = (MimeMultipart) written.getContent();
            assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
            assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        }
        assertThat(output.getAll()).contains(file.toString()).contains("its first link: " + link);
    }
}
