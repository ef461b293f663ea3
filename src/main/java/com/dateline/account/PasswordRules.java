package com.dateline.account;

import com.dateline.base.TypedText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The rules a new password must pass beyond its length: not the e-mail, not a well-known password. */
@Component
class PasswordRules {

    static final int MINIMUM_LENGTH = 12;
    static final int MAXIMUM_BYTES = 72;

    private final Set<String> common;

    PasswordRules() {
        try {
            common = new ClassPathResource("account/common-passwords.txt")
                    .getContentAsString(StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<String> problem(String password, String email) {
        if (password.codePointCount(0, password.length()) < MINIMUM_LENGTH) {
            return Optional.of("Your password must be at least 12 characters long.");
        }
        // bcrypt reads no further than 72 bytes and Spring Security refuses to hash more.
        if (password.getBytes(StandardCharsets.UTF_8).length > MAXIMUM_BYTES) {
            return Optional.of("Your password is too long: at most 72 bytes, which is 72 plain letters or digits"
                    + " and fewer with accented letters or emoji.");
        }
        var unshowable = TypedText.unshowable(password, false);
        if (unshowable.isPresent()) {
            return Optional.of("Your password contains a character that cannot be typed reliably: " + unshowable.get()
                    + ". Please choose another password.");
        }
        var lower = password.toLowerCase(Locale.ROOT);
        if (lower.equals(email.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("Your password must not be your e-mail address.");
        }
        if (common.contains(lower) || password.codePoints().distinct().count() == 1) {
            return Optional.of("This password is too common and easy to guess. Choose another one.");
        }
        return Optional.empty();
    }
}
