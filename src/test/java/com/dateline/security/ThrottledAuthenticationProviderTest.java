package com.dateline.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dateline.support.LimitDatabase;
import com.dateline.support.MutableClock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

class ThrottledAuthenticationProviderTest {

    private static final String EMAIL = "moderator@newsroom.example";
    private static final String PASSWORD = "a long and private phrase";

    private final PasswordEncoder delegate = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final String hash = delegate.encode(PASSWORD);
    private final AtomicInteger passwordChecks = new AtomicInteger();
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return delegate.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            passwordChecks.incrementAndGet();
            return delegate.matches(raw, encoded);
        }
    };
    private final UserDetailsService users = email ->
            User.withUsername(EMAIL).password(hash).roles(Roles.MODERATOR).build();
    private final SignInThrottle throttle =
            new SignInThrottle(new MutableClock(Instant.parse("2008-04-07T16:58:00Z")), LimitDatabase.H2.fresh());
    private final ThrottledAuthenticationProvider provider =
            new ThrottledAuthenticationProvider(users, counting, throttle);

    private UsernamePasswordAuthenticationToken attempt(String password, String address) {
        var request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        var token = UsernamePasswordAuthenticationToken.unauthenticated(EMAIL, password);
        token.setDetails(new WebAuthenticationDetails(request));
        return token;
    }

    @Test
    void once_paused_an_attempt_is_refused_without_its_password_being_checked() {
        for (var i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
            assertThatThrownBy(() -> provider.authenticate(attempt("wrong guess", "203.0.113.7")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        var checks = passwordChecks.get();

        assertThatThrownBy(() -> provider.authenticate(attempt(PASSWORD, "203.0.113.7")))
                .isInstanceOf(SignInRefusedException.class)
                .satisfies(refused ->
                        assertThat(((SignInRefusedException) refused).minutes()).isEqualTo(1));
        assertThat(passwordChecks.get()).as("password checks while paused").isEqualTo(checks);
    }

    @Test
    void the_owner_from_their_own_address_signs_in_while_a_guesser_is_paused() {
        for (var i = 0; i < 50; i++) {
            try {
                provider.authenticate(attempt("guess " + i, "203.0.113.7"));
            } catch (BadCredentialsException | SignInRefusedException expected) {
                // the guesser is told no, then to wait
            }
        }

        var signedIn = provider.authenticate(attempt(PASSWORD, "198.51.100.23"));

        assertThat(signedIn.isAuthenticated()).isTrue();
    }
}
