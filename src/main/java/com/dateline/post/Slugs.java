package com.dateline.post;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Addresses made from titles: "U.S. and Iran's talk" becomes "us-and-irans-talk". */
public final class Slugs {

    public static final int MAX_LENGTH = 200;
    static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Slugs() {}

    public static String fromTitle(String title) {
        var plain = Normalizer.normalize(title, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                // Abbreviations and possessives stay one word: "U.S." is "us", "Iran's" is "irans".
                .replaceAll("['’.]", "")
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+)|(-+$)", "");
        if (plain.length() <= MAX_LENGTH) {
            return plain;
        }
        var cut = plain.substring(0, MAX_LENGTH);
        var lastHyphen = cut.lastIndexOf('-');
        return lastHyphen > 0 ? cut.substring(0, lastHyphen) : cut;
    }

    public static boolean isValid(String slug) {
        return slug.length() <= MAX_LENGTH && VALID.matcher(slug).matches();
    }
}
