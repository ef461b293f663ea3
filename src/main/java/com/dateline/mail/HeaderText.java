package com.dateline.mail;

/** What may go into a mail header: one line of text, so no value can end a header and start another. */
final class HeaderText {

    private HeaderText() {}

    /** Control characters (CR and LF among them) and Unicode line breaks become spaces; runs of spaces become one. */
    static String clean(String value) {
        var out = new StringBuilder(value.length());
        var space = false;
        for (var i = 0; i < value.length(); ) {
            var c = value.codePointAt(i);
            i += Character.charCount(c);
            var blank = Character.isISOControl(c)
                    || Character.isWhitespace(c)
                    || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR;
            if (blank) {
                space = true;
            } else {
                if (space && !out.isEmpty()) {
                    out.append(' ');
                }
                space = false;
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }

    /** Whether the value holds a control character or a line break: keys, addresses and links with one are refused. */
    static boolean hasControlCharacters(String value) {
        return value.codePoints()
                .anyMatch(c -> Character.isISOControl(c)
                        || Character.getType(c) == Character.LINE_SEPARATOR
                        || Character.getType(c) == Character.PARAGRAPH_SEPARATOR);
    }
}
