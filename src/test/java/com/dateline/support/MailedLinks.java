package com.dateline.support;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Reads the token out of a link an event carries, as the reader's click would send it back. */
public final class MailedLinks {

    private MailedLinks() {}

    public static String token(String link) {
        var at = link.indexOf("token=");
        if (at < 0) {
            throw new AssertionError("No token in " + link);
        }
        return URLDecoder.decode(link.substring(at + "token=".length()), StandardCharsets.UTF_8);
    }
}
