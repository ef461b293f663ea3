package com.dateline.mail;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbox's settings under {@code dateline.mail.*}; the mail server itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param from the sender of every mail, a name and an address: {@code Babylon & Beyond <no-reply@example.org>}
 * @param folder where mails are written as .eml files when no mail server is configured ({@code spring.mail.host});
 *     application.properties puts it in the data folder
 * @param sweepInterval how often queued mails that are due are looked for (those a restart, a crash or a mail server
 *     that was down left behind); zero looks only when something calls the sweep
 */
@ConfigurationProperties("dateline.mail")
record MailSettings(
        @DefaultValue("Babylon & Beyond <no-reply@localhost>")
        String from,

        @DefaultValue("./data/mail") Path folder,
        @DefaultValue("1m") Duration sweepInterval) {}
