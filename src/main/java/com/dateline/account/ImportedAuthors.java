package com.dateline.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** How an imported comment author without an account here is named and addressed. */
final class ImportedAuthors {

    /** The reserved top-level domain of imported authors' placeholder e-mails; no mail is ever sent there. */
    static final String IMPORTED_DOMAIN = "import.invalid";

    /**
     * Imported authors never sign in (the user details service refuses them first); should anything compare a password
     * with this anyway, bcrypt finds it malformed and answers "no match". Not hashing a random password keeps an
     * archive with thousands of commenters from spending a tenth of a second on each.
     */
    static final String UNUSABLE_PASSWORD_HASH = "{bcrypt}!imported-author-without-password";

    private static final int MAX_IMPORTED_NAME = 80;

    private ImportedAuthors() {}

    /** {@code imported-<16 hex digits of sha256(name + "\n" + email), both trimmed and lower-cased>@import.invalid}. */
    static String email(String name, String email) {
        try {
            var key =
                    name.strip().toLowerCase(Locale.ROOT) + "\n" + email.strip().toLowerCase(Locale.ROOT);
            var digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "imported-" + HexFormat.of().formatHex(digest, 0, 8) + "@" + IMPORTED_DOMAIN;
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static String displayName(String name) {
        var clean = name.codePoints()
                .filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString()
                .strip()
                .replaceAll("\\s+", " ");
        if (clean.isEmpty()) {
            return "Anonymous";
        }
        return clean.codePointCount(0, clean.length()) <= MAX_IMPORTED_NAME
                ? clean
                : clean.substring(0, clean.offsetByCodePoints(0, MAX_IMPORTED_NAME))
                        .strip();
    }
}
