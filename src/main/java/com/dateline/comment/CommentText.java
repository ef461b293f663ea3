package com.dateline.comment;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reading a comment's text as readers see it: its length in characters (code points, so an
 * emoji or an Arabic letter counts once), its web addresses, and whole-word matches.
 */
public final class CommentText {

    public static final int MAX_LENGTH = 5_000;

    /** Longer raw input is refused before any other work, whatever its trimmed length. */
    static final int MAX_RAW_LENGTH = 20_000;

    // http(s) addresses and bare www. addresses; trailing punctuation is not part of the address.
    private static final Pattern WEB_ADDRESS =
            Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"'`]+[^\\s<>\"'`.,;:!?)\\]}]");

    private CommentText() {}

    // Spaces of every kind and invisible format characters (zero-width space, joiners, BOM).
    private static final Pattern INVISIBLE = Pattern.compile("[\\s\\p{Z}\\p{Cf}]+");

    /** Characters as a reader counts them, after trimming; 0 when nothing visible was typed. */
    public static int length(String text) {
        if (INVISIBLE.matcher(text).replaceAll("").isEmpty()) {
            return 0;
        }
        var trimmed = text.strip();
        return trimmed.codePointCount(0, trimmed.length());
    }

    /** The first listed word that occurs in the text as a whole word, ignoring case, in any script. */
    static Optional<String> firstWholeWord(String text, List<String> words) {
        // Compare composed forms, and treat combining marks and (non-)joiners as part of a word,
        // so that "کازینو" does not match inside "کازینو‌ها" nor "कम" inside "कमी".
        var normalised = Normalizer.normalize(text, Normalizer.Form.NFC);
        for (var word : words) {
            var pattern = Pattern.compile(
                    "(?<![\\p{L}\\p{N}\\p{M}_\\u200C\\u200D])"
                            + Pattern.quote(Normalizer.normalize(word, Normalizer.Form.NFC)
                                    .toLowerCase(Locale.ROOT))
                            + "(?![\\p{L}\\p{N}\\p{M}_\\u200C\\u200D])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            if (pattern.matcher(normalised).find()) {
                return Optional.of(word);
            }
        }
        return Optional.empty();
    }

    /** A piece of comment text: plain text, or a web address to show as a link. */
    public record Segment(String text, boolean link) {

        /** Where the link goes: the address itself, with https:// added to a bare www. address. */
        public String href() {
            return text.regionMatches(true, 0, "www.", 0, 4) ? "https://" + text : text;
        }
    }

    /** Splits text into plain pieces and web addresses, in order; nothing is dropped. */
    public static List<Segment> segments(String text) {
        var segments = new ArrayList<Segment>();
        var matcher = WEB_ADDRESS.matcher(text);
        var last = 0;
        while (matcher.find()) {
            if (matcher.start() > last) {
                segments.add(new Segment(text.substring(last, matcher.start()), false));
            }
            segments.add(new Segment(matcher.group(), true));
            last = matcher.end();
        }
        if (last < text.length()) {
            segments.add(new Segment(text.substring(last), false));
        }
        return segments;
    }
}
