package com.dateline.support;

import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Signs in on the current thread the way the sign-in form does: with the principal the
 * application's {@link UserDetailsService} builds. The context goes to the application's
 * {@link SecurityContextHolderStrategy} (which method security reads) and to the static
 * {@link SecurityContextHolder} (which {@code CurrentUser} and the security log read): they
 * differ once another application context has been started in the same JVM.
 *
 * <p>In a Spring test, register it with {@code @RegisterExtension}: it finds the test's
 * application context before each test and signs out after it. Elsewhere, {@link #of} binds it to
 * a context.
 */
public final class SignIn implements BeforeEachCallback, AfterEachCallback {

    private @Nullable UserDetailsService users;
    private @Nullable SecurityContextHolderStrategy securityContexts;

    /** Unbound until the test starts: for {@code @RegisterExtension}. */
    public SignIn() {}

    private SignIn(ApplicationContext context) {
        bind(context);
    }

    /** Bound to an application context, for support classes and harnesses outside a JUnit test. */
    public static SignIn of(ApplicationContext context) {
        return new SignIn(context);
    }

    private void bind(ApplicationContext context) {
        users = context.getBean(UserDetailsService.class);
        securityContexts = context.getBean(SecurityContextHolderStrategy.class);
    }

    @Override
    public void beforeEach(ExtensionContext extension) {
        bind(SpringExtension.getApplicationContext(extension));
    }

    @Override
    public void afterEach(ExtensionContext extension) {
        out();
    }

    /** Signs in as this account on this thread, until signed out or signed in as someone else. */
    public void as(String email) {
        var user = Objects.requireNonNull(users, "SignIn is not bound to an application context")
                .loadUserByUsername(email);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        set(context);
    }

    /** Signed in as nobody, as a visitor's request is after the anonymous filter ran. */
    public void asAnonymous() {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new AnonymousAuthenticationToken(
                "anonymous", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        set(context);
    }

    /** Signs out on this thread: no authentication at all from here on. */
    public void out() {
        if (securityContexts != null) {
            securityContexts.clearContext();
        }
        SecurityContextHolder.clearContext();
    }

    /** Runs an action as this account, then returns to whoever was signed in before. */
    public void run(String email, Runnable action) {
        call(email, () -> {
            action.run();
            return null;
        });
    }

    /** Calls as this account, then returns to whoever was signed in before. */
    public <T> T call(String email, Supplier<T> action) {
        var strategy = Objects.requireNonNull(securityContexts, "SignIn is not bound to an application context");
        var before = strategy.getContext();
        var beforeStatic = SecurityContextHolder.getContext();
        as(email);
        try {
            return action.get();
        } finally {
            strategy.setContext(before);
            SecurityContextHolder.setContext(beforeStatic);
        }
    }

    private void set(SecurityContext context) {
        Objects.requireNonNull(securityContexts, "SignIn is not bound to an application context")
                .setContext(context);
        SecurityContextHolder.setContext(context);
    }
}
