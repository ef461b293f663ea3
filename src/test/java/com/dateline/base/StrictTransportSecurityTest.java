package com.dateline.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class StrictTransportSecurityTest {

    @Test
    void a_plain_http_or_unset_address_sends_no_hsts() throws Exception {
        assertThat(answer("http://blog.example.org")).isNull();
        assertThat(answer(null)).isNull();
    }

    @Test
    void an_https_address_sends_hsts_on_a_plain_request() throws Exception {
        assertThat(answer("https://blog.example.org")).isEqualTo("max-age=31536000");
    }

    private static @Nullable String answer(@Nullable String baseUrl) throws Exception {
        var filter = new StrictTransportSecurity(
                new BlogProperties("Babylon & Beyond", "tagline", ZoneId.of("UTC"), baseUrl));
        var response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/"), response, new MockFilterChain());
        return response.getHeader("Strict-Transport-Security");
    }
}
