package com.dateline.base.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Frees an anonymous reader's session soon after their last tab closes. The browser says so with the tab-close
 * beacon and Vaadin drops that tab's UI; the empty session then gets a short grace period instead of the usual
 * minutes, because the beacon of a reloaded page can arrive just after the new page's first request, and that page
 * must keep its session (its sign-in form's token lives there). A new tab within the grace restores the usual time.
 * Signed-in sessions are left alone: their owner expects to stay signed in.
 */
@Component
class ClosedTabSessions extends OncePerRequestFilter implements VaadinServiceInitListener {

    private final int graceSeconds;
    private final int anonymousSeconds;

    ClosedTabSessions(
            @Value("${dateline.session.closed-tab-grace:20s}") Duration grace,
            @Value("${dateline.session.anonymous-timeout:5m}") Duration anonymous) {
        this.graceSeconds = (int) grace.toSeconds();
        this.anonymousSeconds = (int) anonymous.toSeconds();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        var query = request.getQueryString();
        if (query == null || !query.contains("v-r=uidl") || request.getUserPrincipal() != null) {
            return;
        }
        var session = request.getSession(false);
        if (session == null) {
            return;
        }
        try {
            for (var name : Collections.list(session.getAttributeNames())) {
                if (session.getAttribute(name) instanceof VaadinSession vaadin && hasNoOpenTab(vaadin)) {
                    session.setMaxInactiveInterval(Math.min(graceSeconds, session.getMaxInactiveInterval()));
                    return;
                }
            }
        } catch (IllegalStateException alreadyInvalidated) {
            // It ended meanwhile; nothing is left to free.
        }
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            var session = init.getUI().getSession().getSession();
            if (session != null && session.getMaxInactiveInterval() < anonymousSeconds) {
                session.setMaxInactiveInterval(anonymousSeconds);
            }
        });
    }

    private static boolean hasNoOpenTab(VaadinSession vaadin) {
        vaadin.lock();
        try {
            return vaadin.getUIs().stream().allMatch(ui -> ui.isClosing());
        } finally {
            vaadin.unlock();
        }
    }
}
