package com.dateline.base;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The absolute links mails carry, on the blog's public address ({@code dateline.blog.base-url}) like the feed and
 * canonical links. Without that setting (it is required in {@code prod}) the address of the request that asked for the
 * mail is used, and outside any request this machine's port.
 */
@Component
public class PublicLinks {

    private final BlogProperties blog;
    private final int port;

    public PublicLinks(BlogProperties blog, @Value("${server.port:8080}") int port) {
        this.blog = blog;
        this.port = port;
    }

    /** The page at {@code route}, e.g. {@code login}. */
    public String page(String route) {
        return origin() + "/" + route;
    }

    /** The page at {@code route} with {@code ?token=}, the token encoded. */
    public String withToken(String route, String token) {
        return page(route) + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private String origin() {
        var baseUrl = blog.baseUrl();
        if (baseUrl == null || baseUrl.isBlank()) {
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
                return blog.origin(attributes.getRequest());
            }
            return "http://localhost:" + port;
        }
        var base = baseUrl.strip();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
