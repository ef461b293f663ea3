package com.dateline.security;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Most sessions belong to anonymous readers who read one post and leave: they live a few minutes after the last
 * heartbeat, not half an hour. Signing in gives the session the full time.
 */
@Component
class SessionLifetimes implements HttpSessionListener {

    private final Duration anonymous;
    private final Duration signedIn;

    SessionLifetimes(
            @Value("${dateline.session.anonymous-timeout:5m}") Duration anonymous,
            @Value("${server.servlet.session.timeout:30m}") Duration signedIn) {
        this.anonymous = anonymous;
        this.signedIn = signedIn;
    }

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        event.getSession().setMaxInactiveInterval((int) anonymous.toSeconds());
    }

    // The sign-in form's filter announces an interactive sign-in after it has renewed the session id.
    @EventListener({AuthenticationSuccessEvent.class, InteractiveAuthenticationSuccessEvent.class})
    void signedIn() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            var session = attributes.getRequest().getSession(false);
            if (session != null) {
                session.setMaxInactiveInterval((int) signedIn.toSeconds());
            }
        }
    }
}
