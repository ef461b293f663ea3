package com.dateline.security;

import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per security-relevant event on the logger {@code dateline.security}, so an operator can keep, ship or
 * alert on exactly these: {@code account-banned account=42 until=2026-12-01T00:00:00Z by=7}. The line names the event
 * first, then its facts as {@code key=value}; {@code by} is the signed-in account that did it, added by itself.
 * Passwords and session ids are never handed to it, and values a visitor typed (an e-mail on the sign-in form) are
 * quoted with their control characters escaped, so nobody can forge a line.
 */
public final class SecurityLog {

    public static final String LOGGER = "dateline.security";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);
    private static final int MAX_VALUE = 120;
    // Words, numbers, lists of ids and addresses need no quotes; anything else (a typed e-mail) is quoted.
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.:,()…-]{1,120}");

    private SecurityLog() {}

    /**
     * Logs the event at INFO.
     *
     * @param event what happened, in words joined by hyphens: "sign-in-failed", "account-banned"
     * @param facts alternating keys and values; a null value is left out
     */
    public static void event(String event, @Nullable Object... facts) {
        if (!log.isInfoEnabled()) {
            return;
        }
        log.info(line(event, facts));
    }

    /** Like {@link #event} at WARN, for what an operator should look at soon (an e-mail or a network paused). */
    public static void warning(String event, @Nullable Object... facts) {
        log.warn(line(event, facts));
    }

    static String line(String event, @Nullable Object... facts) {
        var line = new StringBuilder(event);
        for (var i = 0; i + 1 < facts.length; i += 2) {
            if (facts[i + 1] != null) {
                line.append(' ').append(facts[i]).append('=').append(value(facts[i + 1]));
            }
        }
        CurrentUser.get().ifPresent(user -> line.append(" by=").append(user.accountId()));
        return line.toString();
    }

    /** Numbers, instants, enums and plain words as they are; other text quoted, shortened, control characters escaped. */
    private static String value(Object value) {
        if (value instanceof Number
                || value instanceof Enum<?>
                || value instanceof Boolean
                || value instanceof Instant) {
            return value.toString();
        }
        var text = value.toString();
        if (TOKEN.matcher(text).matches()) {
            return text;
        }
        var shown = new StringBuilder("\"");
        var count = 0;
        for (var i = 0; i < text.length(); ) {
            var c = text.codePointAt(i);
            i += Character.charCount(c);
            if (++count > MAX_VALUE) {
                shown.append('…');
                break;
            }
            if (c == '"' || c == '\\') {
                shown.append('\\').appendCodePoint(c);
            } else if (invisibleOrBreaking(c)) {
                shown.append(String.format(Locale.ROOT, "\\u%04X", c));
            } else {
                shown.appendCodePoint(c);
            }
        }
        return shown.append('"').toString();
    }

    // Control characters and line separators could start a forged line; format characters could hide or reorder text.
    private static boolean invisibleOrBreaking(int c) {
        var type = Character.getType(c);
        return Character.isISOControl(c)
                || (c >= 0xD800 && c <= 0xDFFF)
                || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
