package com.dateline.base;

import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a failure nobody planned for: the log gets the whole story (stack trace included) under a short
 * reference such as {@code 7F3K-2Q9A}, and the person who met it gets only a friendly sentence with the same
 * reference, never the exception. A reader who quotes the reference lets the operator find the log line.
 */
public final class UnexpectedErrors {

    // Crockford's base 32: no I, L, O or U, so a reference read out over the phone cannot be misheard.
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrors.class);

    private UnexpectedErrors() {}

    /**
     * Logs the failure at ERROR with its stack trace and returns the reference to show.
     *
     * @param where what was being done, for the log only, e.g. "navigation to /2008/04/x"
     */
    public static String report(String where, Throwable failure) {
        var reference = newReference();
        log.error("Unexpected error, reference {}, during {}", reference, printable(where), failure);
        return reference;
    }

    /** The sentence people see: "Something went wrong on our side. If you contact us, quote reference 7F3K-2Q9A." */
    public static String message(String reference) {
        return "Something went wrong on our side. If you contact us, quote reference " + reference + ".";
    }

    // An address or a typed value in the log line must not be able to start a forged line of its own.
    private static String printable(String text) {
        var shown = text.length() > 300 ? text.substring(0, 300) + "…" : text;
        return shown.codePoints()
                .map(c -> Character.isISOControl(c) || (c >= 0xD800 && c <= 0xDFFF) || c == 0x2028 || c == 0x2029
                        ? '?'
                        : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }

    static String newReference() {
        var random = ThreadLocalRandom.current();
        var reference = new StringBuilder(9);
        for (var i = 0; i < 8; i++) {
            if (i == 4) {
                reference.append('-');
            }
            reference.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return reference.toString();
    }
}
