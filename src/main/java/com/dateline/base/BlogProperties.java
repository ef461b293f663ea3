package com.dateline.base;

import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The blog's identity as the newsroom configures it under {@code dateline.blog.*}.
 *
 * @param baseUrl the public address, e.g. {@code https://blog.example.org}, for canonical links
 *     and feed ids that must not change with the host a request came through; when unset, the
 *     request's own address is used
 */
@ConfigurationProperties("dateline.blog")
public record BlogProperties(
        @DefaultValue("Babylon & Beyond") String title,

        @DefaultValue("Observations from Iraq, Iran, Israel, the Arab world and beyond")
        String tagline,

        @DefaultValue("America/Los_Angeles") ZoneId timeZone,
        @Nullable String baseUrl) {

    /** Scheme, host and port (no trailing slash) that absolute links on this request should use. */
    public String origin(HttpServletRequest request) {
        if (baseUrl != null && !baseUrl.isBlank()) {
            return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        }
        return ServletUriComponentsBuilder.fromContextPath(request)
                .replaceQuery(null)
                .build()
                .toUriString();
    }
}
