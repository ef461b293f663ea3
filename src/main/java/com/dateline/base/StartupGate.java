package com.dateline.base;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps every request out until the application is ready. Tomcat takes requests before the start-up runners have
 * written the demo posts and the first accounts, and an answer given in that window ("not found" for a post about to
 * be written) would be kept by caches. Ready means {@link ApplicationReadyEvent}, which Spring Boot sends after every
 * runner; until then each request gets 503 "Starting up" with {@code Retry-After}, readiness included. Liveness alone
 * passes: the process is alive while it starts, and a failing liveness probe would get it restarted.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StartupGate extends OncePerRequestFilter implements ApplicationListener<ApplicationReadyEvent> {

    static final String RETRY_AFTER_SECONDS = "5";
    static final String LIVENESS = "/actuator/health/liveness";

    private volatile boolean ready;

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        ready = true;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (ready
                || LIVENESS.equals(request.getRequestURI()
                        .substring(request.getContextPath().length()))) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        // A shared cache must not keep this answer for the page it stands in for.
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream()
                .write("Starting up. Please try again in a few seconds.\n".getBytes(StandardCharsets.UTF_8));
    }
}
