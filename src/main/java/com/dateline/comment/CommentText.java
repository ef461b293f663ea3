package com.dateline.comment;

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

    /** Characters as a reader counts them, after trimming. */
    public static int length(String text) {
        var trimmed = text.strip();
        return trimmed.codePointCount(0, trimmed.length());
    }

    static int countLinks(String text) {
        return (int) WEB_ADDRESS.matcher(text).results().count();
    }

    /** The first listed word that occurs in the text as a whole word, ignoring case, in any script. */
    static Optional<String> firstWholeWord(String text, List<String> words) {
        for (var word : words) {
            var pattern = Pattern.compile(
                    "(?<![\\p{L}\\p{N}_])" + Pattern.quote(word.toLowerCase(Locale.ROOT)) + "(?![\\p{L}\\p{N}_])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            if (pattern.matcher(text).find()) {
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
