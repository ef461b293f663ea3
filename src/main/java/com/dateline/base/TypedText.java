package com.dateline.base;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The one rule every form and import applies to what people type: text is stored exactly as typed, except characters
 * no page can show back as they were typed. Those are refused with a message that names the character and where it
 * is, so the writer can find and remove it; nothing is silently dropped or replaced.
 *
 * <p>Refused: NUL and the other control characters (line breaks and tabs too in one-line fields such as names and
 * titles), half of a surrogate pair (it cannot be written as UTF-8, so the page would show "?" instead), and Unicode's
 * non-characters (U+FFFE, U+FFFF, U+FDD0…U+FDEF and their kin in every plane). Everything else is kept, including
 * right-to-left marks and overrides, zero-width joiners, emoji sequences, markup and SQL: pages show all of it as
 * text.
 */
public final class TypedText {

    private TypedText() {}

    /**
     * What in the text cannot be shown, in words for the writer, e.g. "U+0000 (a NUL character) at character 12";
     * empty when every character can be shown.
     *
     * @param lineBreaksAllowed whether line breaks and tabs belong in this field (a comment, a post's body)
     */
    public static Optional<String> unshowable(String text, boolean lineBreaksAllowed) {
        var position = 0;
        for (var i = 0; i < text.length(); ) {
            var c = text.codePointAt(i);
            position++;
            var problem = problem(c, lineBreaksAllowed);
            if (problem != null) {
                return Optional.of(problem + " at character " + String.format(Locale.ROOT, "%,d", position));
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    /**
     * The sentence a form shows for a field that holds a character it cannot show, e.g. "Your comment contains a
     * character that cannot be shown: U+0000 (a NUL character) at character 12. Please remove it."
     *
     * @param subject how the message names the field: "Your comment", "The title"
     */
    public static Optional<String> problem(String subject, String text, boolean lineBreaksAllowed) {
        return unshowable(text, lineBreaksAllowed)
                .map(what -> subject + " contains a character that cannot be shown: " + what + ". Please remove it.");
    }

    /**
     * Whether nothing visible was typed: only spaces of any kind (no-break and ideographic ones too), line breaks,
     * and invisible format characters such as zero-width spaces and joiners. {@link String#isBlank()} misses most.
     */
    public static boolean isBlank(String text) {
        return text.codePoints()
                .allMatch(c -> Character.isWhitespace(c)
                        || Character.isSpaceChar(c)
                        || Character.getType(c) == Character.FORMAT);
    }

    private static @Nullable String problem(int c, boolean lineBreaksAllowed) {
        if (c == 0) {
            return "U+0000 (a NUL character)";
        }
        if (c == '\n' || c == '\r') {
            return lineBreaksAllowed ? null : "a line break";
        }
        if (c == '\t') {
            return lineBreaksAllowed ? null : "a tab";
        }
        if (Character.isISOControl(c)) {
            return codePoint(c) + " (a control character)";
        }
        if (Character.isSurrogate((char) c) && Character.charCount(c) == 1) {
            // codePointAt returns a lone surrogate as itself: a paired one would have come back as one code point.
            return codePoint(c) + " (half of an emoji or other character)";
        }
        if ((c & 0xFFFE) == 0xFFFE || (c >= 0xFDD0 && c <= 0xFDEF)) {
            return codePoint(c) + " (a non-character)";
        }
        return null;
    }

    private static String codePoint(int c) {
        return String.format(Locale.ROOT, "U+%04X", c);
    }

    /**
     * A case-insensitive SQL {@code LIKE} pattern (escape character {@code \}) that finds the typed words anywhere in
     * a lower-cased column; the typed {@code %}, {@code _} and {@code \} match only themselves.
     */
    public static String containsPattern(String typed) {
        return "%"
                + lookupKey(typed.strip().toLowerCase(Locale.ROOT))
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_")
                + "%";
    }

    /**
     * Typed text as a value to look up, never to store. No stored text holds a NUL (it is refused when typed, and
     * PostgreSQL cannot store one in text at all, failing any query that asks for one), so a NUL becomes U+FFFD, which
     * matches nothing stored either, and the lookup finds nothing instead of failing.
     */
    public static String lookupKey(String typed) {
        return typed.replace('\u0000', '\uFFFD');
    }
}
