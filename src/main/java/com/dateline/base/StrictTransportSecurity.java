package com.dateline.base;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * When the blog's public address is {@code https}, every answer tells browsers to use nothing else. Behind a proxy that
 * ends TLS the request reaching this server is plain HTTP, so Spring Security's own header (sent only on requests it
 * sees as secure) would be missing; the configured address says how readers reach the site. Runs before the security
 * chain so error pages and static files carry it too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class StrictTransportSecurity extends OncePerRequestFilter {

    static final String HEADER = "Strict-Transport-Security";
    static final String VALUE = "max-age=31536000";

    private final boolean https;

    StrictTransportSecurity(BlogProperties blog) {
        var baseUrl = blog.baseUrl();
        this.https = baseUrl != null && baseUrl.strip().toLowerCase(Locale.ROOT).startsWith("https://");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (https) {
            response.setHeader(HEADER, VALUE);
        }
        chain.doFilter(request, response);
    }
}
