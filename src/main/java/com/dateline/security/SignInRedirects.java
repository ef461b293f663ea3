package com.dateline.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * Where the browser goes after the sign-in form. Success returns to the page that sent the
 * reader ({@code ?redirect=/2008/04/…}, local paths only) or else to the protected page that
 * asked for sign-in; failure returns to the form with the reason and the same return address.
 */
public final class SignInRedirects {

    /** The query parameter that carries the page to return to. */
    public static final String RETURN_TO = "redirect";

    private SignInRedirects() {}

    /** The path if it is a local page of this site, else null: never an open redirect. */
    public static @Nullable String safeLocalPath(@Nullable String path) {
        if (path == null || path.isBlank() || path.length() > 500) {
            return null;
        }
        if (!path.startsWith("/") || path.startsWith("//") || path.contains("\\") || path.contains("://")) {
            return null;
        }
        if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return null;
        }
        if (path.startsWith("/login") || path.startsWith("/logout") || path.startsWith("/register")) {
            return null;
        }
        return path;
    }

    /** "?redirect=…" for the given page, or "" when it is not a safe local page. */
    public static String returnToQuery(@Nullable String path) {
        var safe = safeLocalPath(path);
        return safe == null ? "" : RETURN_TO + "=" + URLEncoder.encode(safe, StandardCharsets.UTF_8);
    }

    static AuthenticationSuccessHandler success(AuthenticationSuccessHandler savedRequestHandler, RequestCache cache) {
        return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
            var target = safeLocalPath(request.getParameter(RETURN_TO));
            if (target == null) {
                savedRequestHandler.onAuthenticationSuccess(request, response, authentication);
                return;
            }
            cache.removeRequest(request, response);
            response.sendRedirect(request.getContextPath() + target);
        };
    }

    static AuthenticationFailureHandler failure() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
            var reason = exception instanceof SignInRefusedException refused
                    ? "throttled&wait=" + refused.minutes()
                    : exception instanceof DisabledException ? "disabled" : "credentials";
            var returnTo = returnToQuery(request.getParameter(RETURN_TO));
            redirect(
                    response,
                    request.getContextPath() + "/login?error=" + reason + (returnTo.isEmpty() ? "" : "&" + returnTo));
        };
    }

    private static void redirect(HttpServletResponse response, String location) throws IOException {
        response.sendRedirect(location);
    }
}
