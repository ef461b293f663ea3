package com.dateline.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** The tests run with a cheap bcrypt cost; what the application ships with is checked here. */
class PasswordHashingTest {

    private static int shippedStrength() throws IOException {
        var shipped = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));
        return Integer.parseInt(shipped.getProperty("dateline.security.bcrypt-strength"));
    }

    @Test
    void the_shipped_settings_hash_new_passwords_with_bcrypt_at_cost_10() throws IOException {
        var encoder = new SecurityConfiguration().passwordEncoder(shippedStrength());

        var hash = encoder.encode("a password of 2008");

        assertThat(hash).startsWith("{bcrypt}$2a$10$");
        assertThat(encoder.matches("a password of 2008", hash)).isTrue();
        assertThat(encoder.matches("a password of 2009", hash)).isFalse();
    }

    @Test
    void hashes_stored_at_another_cost_or_under_another_algorithm_still_verify() throws IOException {
        var encoder = new SecurityConfiguration().passwordEncoder(shippedStrength());

        assertThat(encoder.matches("cheap", "{bcrypt}" + new BCryptPasswordEncoder(4).encode("cheap")))
                .isTrue();
        assertThat(encoder.matches("plain", "{noop}plain")).isTrue();
        assertThat(encoder.matches("plain", "{noop}other")).isFalse();
    }
}
