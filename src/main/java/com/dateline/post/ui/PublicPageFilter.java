package com.dateline.post.ui;

import com.dateline.base.BlogProperties;
import com.dateline.security.PublicAnswers;
import com.dateline.security.SignedInUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Answers anonymous readers' page requests with the finished page ({@link PublicPages}) before Vaadin sees them: no
 * session, no cookie, no script bundle, and headers that let a browser, a proxy or a CDN keep the page. Spring
 * Security's chain runs it just before its authorization step ({@link PublicAnswers}), so the page carries the same
 * protective headers as every other answer and the reader's sign-in, if any, is known. A signed-in reader goes on to
 * the live view, marked private.
 */
@Component
class PublicPageFilter extends OncePerRequestFilter implements PublicAnswers {

    /** Browsers keep a page briefly; shared caches a little longer, and may serve it stale while they fetch anew. */
    static final String PUBLIC_CACHING = "public, max-age=10, s-maxage=30, stale-while-revalidate=60";

    static final String PRIVATE_CACHING = "private, no-store";

    private final PublicPages pages;
    private final BlogProperties blog;
    private final HandlerMapping controllers;

    /** Only in the security chain: registered with the servlet container as well, it would run a second time. */
    @Configuration(proxyBeanMethods = false)
    static class NotAServletFilter {
        @Bean
        FilterRegistrationBean<PublicPageFilter> publicPageFilterRegistration(PublicPageFilter filter) {
            var registration = new FilterRegistrationBean<>(filter);
            registration.setEnabled(false);
            return registration;
        }
    }

    PublicPageFilter(
            PublicPages pages,
            BlogProperties blog,
            @Qualifier("requestMappingHandlerMapping") HandlerMapping controllers) {
        this.pages = pages;
        this.blog = blog;
        this.controllers = controllers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var method = request.getMethod();
        // Vaadin's own requests (its client's round trips, heartbeats, uploads) carry v-r; they are never pages.
        if (!("GET".equals(method) || "HEAD".equals(method)) || request.getParameter("v-r") != null) {
            chain.doFilter(request, response);
            return;
        }
        var path = request.getRequestURI().substring(request.getContextPath().length());
        if (signedIn(request)) {
            // Their own page (their pending comments, their name): no cache may keep it. Static files keep theirs.
            if (pages.isReaderPage(path.isEmpty() ? "/" : path)) {
                response.setHeader(HttpHeaders.CACHE_CONTROL, PRIVATE_CACHING);
            }
            chain.doFilter(request, response);
            return;
        }
        var page = pages.page(
                blog.origin(request),
                path.isEmpty() ? "/" : path,
                request.getParameter("page"),
                request.getParameter("comments"),
                request.getParameter("order"),
                () -> hasController(request));
        if (page.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        write(request, response, page.get(), "HEAD".equals(method));
    }

    /**
     * Asked of the request, which Spring Security's chain has wrapped with what it knows of the reader (an anonymous
     * visitor has no principal there), rather than of a static holder, which is not necessarily the chain's.
     */
    private static boolean signedIn(HttpServletRequest request) {
        return request.getUserPrincipal() instanceof Authentication authentication
                && authentication.getPrincipal() instanceof SignedInUser;
    }

    /** Whether a controller (the feed, photos, the API) answers this address: then it is not an unknown page. */
    private boolean hasController(HttpServletRequest request) {
        try {
            return controllers.getHandler(request) != null;
        } catch (Exception e) {
            return true;
        }
    }

    private static void write(
            HttpServletRequest request, HttpServletResponse response, PublicPages.PublicPage page, boolean head)
            throws IOException {
        response.setHeader(HttpHeaders.CACHE_CONTROL, PUBLIC_CACHING);
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        response.setHeader(HttpHeaders.ETAG, page.etag());
        response.setDateHeader(HttpHeaders.LAST_MODIFIED, page.lastModified().toEpochMilli());
        if (notModified(request, page)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(page.status());
        response.setContentType("text/html;charset=UTF-8");
        var gzip = acceptsGzip(request);
        var body = gzip ? page.gzip() : page.html();
        if (gzip) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        response.setContentLength(body.length);
        if (!head) {
            response.getOutputStream().write(body);
        }
    }

    /** If-None-Match wins over If-Modified-Since (RFC 9110, 13.2.2); a weak match is enough for a GET. */
    private static boolean notModified(HttpServletRequest request, PublicPages.PublicPage page) {
        var match = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (match != null) {
            return Arrays.stream(match.split(","))
                    .map(String::strip)
                    .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                    .anyMatch(tag -> tag.equals("*") || tag.equals(page.etag()));
        }
        try {
            var since = request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
            return since >= 0 && page.lastModified().toEpochMilli() <= since;
        } catch (IllegalArgumentException unreadableDate) {
            return false;
        }
    }

    private static boolean acceptsGzip(HttpServletRequest request) {
        var accepted = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        if (accepted == null) {
            return false;
        }
        return Arrays.stream(accepted.split(","))
                .map(coding -> coding.strip().toLowerCase(Locale.ROOT))
                .anyMatch(coding -> coding.equals("gzip")
                        || (coding.startsWith("gzip;") && !coding.matches("gzip;\\s*q=0(\\.0*)?")));
    }
}
