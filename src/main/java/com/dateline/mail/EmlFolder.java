package com.dateline.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where mail goes when no mail server is configured (the quick start): each mail is written whole, as the server would
 * have received it, to {@code <time>-<id>.eml} in {@code dateline.mail.folder}, which any mail program opens. The log
 * names the file and the first link of the text, so a developer can follow a verification link without a mail server.
 */
@Component
class EmlFolder {

    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'").withZone(ZoneOffset.UTC);

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");
    private static final Logger log = LoggerFactory.getLogger(EmlFolder.class);

    private final Path folder;

    EmlFolder(MailSettings settings) {
        this.folder = settings.folder().toAbsolutePath().normalize();
    }

    Path folder() {
        return folder;
    }

    /** Writes the message and returns its file. */
    Path write(OutboxRow row, MimeMessage message, Instant now) throws IOException, MessagingException {
        Files.createDirectories(folder);
        var file = folder.resolve(TIME.format(now) + "-" + row.id() + ".eml");
        // Written under another name and renamed when complete: a file named like a mail is always a whole one.
        var partial = folder.resolve("." + file.getFileName() + ".part");
        try {
            try (var out = Files.newOutputStream(partial)) {
                message.writeTo(out);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        log.info(
                "No mail server is configured (spring.mail.host): mail {} to {} written to {}; its first link: {}",
                row.id(),
                row.to(),
                file,
                firstLink(row.text()).orElse("none"));
        return file;
    }

    /** The first http(s) address in the text, without the full stop or comma of the sentence it ends. */
    static Optional<String> firstLink(String text) {
        var matcher = LINK.matcher(text);
        return matcher.find() ? Optional.of(matcher.group().replaceFirst("[.,;:!?)\\]]+$", "")) : Optional.empty();
    }
}
