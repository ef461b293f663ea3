package com.dateline.security;

import com.dateline.security.ui.LoginView;
import com.vaadin.flow.spring.security.VaadinSavedRequestAwareAuthenticationSuccessHandler;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Reading is open to everyone; the admin side is closed at the HTTP layer as well as by the
 * views' own annotations and by method security on the services. Requests that match nothing
 * go through to Vaadin's router, so an unknown address gets the "Page not found" page with
 * status 404 rather than a sign-in redirect.
 */
@Configuration
@EnableWebSecurity
// Services use @PreAuthorize. JSR-250 interception stays off: views carry @RolesAllowed/@PermitAll for
// Vaadin's navigation checks, and with it on Spring would wrap every view in a proxy.
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * What every page may load: only this site's own scripts, styles, images and connections. Vaadin Flow starts its
     * client with an inline script and runs the server's executeJs() through Function(), hence 'unsafe-inline' and
     * 'unsafe-eval' for scripts; its components set inline styles. Lumo draws its icons from data: URLs. Nothing may
     * frame a page (clickjacking), no plug-in runs, and forms only post back here.
     */
    static final String CONTENT_SECURITY_POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    @Bean
    PasswordEncoder passwordEncoder(@Value("${dateline.security.bcrypt-strength:10}") int strength) {
        // bcrypt, with the algorithm stored beside each hash so it can change later. The cost is a setting because the
        // tests hash thousands of passwords; a stored hash carries its own cost, so any hash verifies under any
        // setting, and hashes stored under another algorithm still verify through Spring Security's defaults.
        var encoder = new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(strength)));
        encoder.setDefaultPasswordEncoderForMatches(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        return encoder;
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    /**
     * The operator's command-line API ({@code /api/**}, e.g. backups with curl): HTTP Basic on every request, ADMIN only,
     * no session. It sends no Basic challenge, so a browser never asks for and never remembers these credentials, and
     * it ignores session cookies: a page on another site cannot make a signed-in admin's browser call it, which is why
     * it needs no CSRF token.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(
            HttpSecurity http,
            UserDetailsService users,
            PasswordEncoder passwordEncoder,
            SignInThrottle throttle,
            AuthenticationEventPublisher authenticationEvents)
            throws Exception {
        http.securityMatcher("/api/**");
        // Throttled and logged like the sign-in form: a script guessing an admin's password here gains nothing.
        var manager = new ProviderManager(new ThrottledAuthenticationProvider(users, passwordEncoder, throttle));
        manager.setAuthenticationEventPublisher(authenticationEvents);
        http.authenticationManager(manager);
        http.authorizeHttpRequests(requests -> requests.anyRequest().hasRole(Roles.ADMIN));
        http.httpBasic(basic -> basic.authenticationEntryPoint(SecurityConfiguration::apiRefusal));
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        http.csrf(csrf -> csrf.disable());
        http.requestCache(cache -> cache.disable());
        return http.build();
    }

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            SessionRegistry sessions,
            SignedInSessions signedInSessions,
            UserDetailsService users,
            PasswordEncoder passwordEncoder,
            SignInThrottle throttle,
            AuthenticationEventPublisher authenticationEvents,
            ObjectProvider<PublicAnswers> publicAnswers)
            throws Exception {
        // The chain's own manager, with no parent: a failed sign-in is tried (and counted) exactly once. It announces
        // successes and failures, which the security log writes down.
        var manager = new ProviderManager(new ThrottledAuthenticationProvider(users, passwordEncoder, throttle));
        manager.setAuthenticationEventPublisher(authenticationEvents);
        http.authenticationManager(manager);
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/admin/**", "/account/**")
                .authenticated()
                .requestMatchers(
                        "/images/**", "/feed.atom", "/styles/**", "/scripts/**", "/favicon.ico", "/discussions/**")
                .permitAll()
                // Health for load balancers and orchestrators: status only, unless an admin asks
                // (application.properties).
                .requestMatchers("/actuator/health", "/actuator/health/**")
                .permitAll()
                // Any other exposed endpoint is for admins only, whatever a profile exposes. A path that is no endpoint
                // goes on to the router's "Page not found", for everyone: a sign-in page there would tell a scanner
                // which paths are worth a password.
                .requestMatchers(EndpointRequest.toAnyEndpoint())
                .hasRole(Roles.ADMIN));
        http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId())
                // Unlimited sessions per account, but registered, so a ban can end them all.
                .maximumSessions(-1)
                .sessionRegistry(sessions)
                .expiredSessionStrategy(event -> new DefaultRedirectStrategy()
                        .sendRedirect(
                                event.getRequest(),
                                event.getResponse(),
                                "/login?error="
                                        + signedInSessions.whyEnded(
                                                event.getSessionInformation().getSessionId()))));
        // The login page is named here too: otherwise Spring Security would also serve its own generated one at /login.
        http.formLogin(form -> form.loginPage("/" + LoginView.ROUTE)
                .withObjectPostProcessor(new ObjectPostProcessor<UsernamePasswordAuthenticationFilter>() {
                    @Override
                    public <O extends UsernamePasswordAuthenticationFilter> O postProcess(O filter) {
                        filter.setAuthenticationSuccessHandler(
                                SignInRedirects.success(savedRequestHandler(http), requestCache(http)));
                        filter.setAuthenticationFailureHandler(SignInRedirects.failure());
                        return filter;
                    }
                }));
        // RFC 8058: a mail program's one-click unsubscribe posts with no session and no token; the link's own secret is
        // the proof, and all the request can do is stop one kind of notice.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/unsubscribe")));
        http.headers(headers -> headers.frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        http.addFilterBefore(pageProtection(), HeaderWriterFilter.class);
        publicAnswers.ifAvailable(answers -> http.addFilterBefore(answers, AuthorizationFilter.class));
        http.with(
                VaadinSecurityConfigurer.vaadin(),
                vaadin -> vaadin.loginView(LoginView.class)
                        .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::permitAll));
        return http.build();
    }

    /**
     * The headers that protect a page, written before the request is handled. Spring's own header writer adds them
     * once the page is written, and Vaadin's short pages (the sign-in and registration pages) were already committed by
     * then: they went out without them, open to framing. The caching headers stay with Spring's writer, which leaves a
     * Cache-Control set by the application alone.
     */
    private static HeaderWriterFilter pageProtection() {
        var filter = new HeaderWriterFilter(List.of(
                new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY),
                new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY),
                new ReferrerPolicyHeaderWriter(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        filter.setShouldWriteHeadersEagerly(true);
        return filter;
    }

    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
        var publisher = new DefaultAuthenticationEventPublisher(events);
        // A sign-in refused because of earlier failures is announced as "locked", not left out.
        publisher.setAdditionalExceptionMappings(
                Map.of(SignInRefusedException.class, AuthenticationFailureLockedEvent.class));
        return publisher;
    }

    /** 401 for missing or wrong credentials; 429 with the seconds to wait when the throttle refused the attempt. */
    private static void apiRefusal(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof SignInRefusedException refused) {
            response.setHeader(
                    HttpHeaders.RETRY_AFTER,
                    String.valueOf(Math.max(1, (refused.waitFor().toMillis() + 999) / 1000)));
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter()
                    .write("Too many failed sign-in attempts from this address; try again in " + refused.minutes()
                            + (refused.minutes() == 1 ? " minute.\n" : " minutes.\n"));
            return;
        }
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
    }

    private static RequestCache requestCache(HttpSecurity http) {
        var cache = http.getSharedObject(RequestCache.class);
        return cache != null ? cache : new HttpSessionRequestCache();
    }

    private static VaadinSavedRequestAwareAuthenticationSuccessHandler savedRequestHandler(HttpSecurity http) {
        var handler = new VaadinSavedRequestAwareAuthenticationSuccessHandler();
        handler.setDefaultTargetUrl("/");
        handler.setRequestCache(requestCache(http));
        return handler;
    }
}
