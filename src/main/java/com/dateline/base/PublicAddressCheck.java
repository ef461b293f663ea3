package com.dateline.base;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Canonical links, {@code og:url} and the feed's ids are written once and kept by shared caches and feed readers, so
 * they must never come from a request's {@code Host} header, which anyone can set. Without a configured address the
 * quick start falls back to the request's own (a laptop has no public address); in {@code prod} the start is refused
 * instead. The check runs while the context is built, before the server takes its first request.
 */
@Component
class PublicAddressCheck {

    static final String SETTING = "dateline.blog.base-url (DATELINE_BLOG_BASE_URL)";

    PublicAddressCheck(BlogProperties blog, Environment environment) {
        var baseUrl = blog.baseUrl();
        if (baseUrl == null || baseUrl.isBlank()) {
            if (environment.acceptsProfiles(Profiles.of("prod"))) {
                throw new PublicAddressRefused("The prod profile needs the blog's public address in " + SETTING
                        + ", for example https://blog.example.org: without it, links and feed ids would be taken from"
                        + " whatever Host header a request sends.");
            }
            return;
        }
        var problem = problem(baseUrl.strip());
        if (problem != null) {
            throw new PublicAddressRefused(SETTING + " is \"" + baseUrl + "\": " + problem
                    + " It must be the address readers open, like https://blog.example.org.");
        }
    }

    private static @Nullable String problem(String baseUrl) {
        URI uri;
        try {
            uri = new URI(baseUrl);
        } catch (URISyntaxException e) {
            return "that is not a web address (" + e.getReason() + ").";
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return "it must start with https:// or http://.";
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return "it names no host.";
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return "it must not hold a user name, a query or a fragment.";
        }
        return null;
    }
}
