package com.dateline.comment;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Comment texts that try to run script, break out of the markup, smuggle a dangerous link or
 * confuse the reader's eye. None contains a banned word (they must be publishable), and none is
 * longer than 5,000 characters or blank: every one is a comment the service has to take.
 */
public final class HostileStrings {

    private HostileStrings() {}

    /** A single line without spaces, 4,900 characters of markup fragments. */
    static String longLineWithoutSpaces() {
        var fragment = "<svg/onload=alert(1)>&lt;script&gt;<img/src=x/onerror=alert(2)>javascript:alert(3)";
        var line = new StringBuilder();
        while (line.length() < 4_900) {
            line.append(fragment);
        }
        return line.substring(0, 4_900);
    }

    public static List<String> all() {
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

    /** For parameterised tests: each string named by its beginning, so reports stay readable. */
    public static Stream<Arguments> arguments() {
        return all().stream().map(text -> Arguments.of(Named.of(label(text), text)));
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
