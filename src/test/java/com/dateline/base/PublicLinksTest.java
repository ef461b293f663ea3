package com.dateline.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PublicLinksTest {

    @Test
    void links_are_built_on_the_configured_public_address_whatever_the_request_says() {
        var blog = new BlogProperties("Babylon & Beyond", "", ZoneId.of("UTC"), " https://blog.example.org/ ");
        var links = new PublicLinks(blog, 8080);

        assertThat(links.withToken("reset-password", "a+b/c"))
                .isEqualTo("https://blog.example.org/reset-password?token=a%2Bb%2Fc");
        assertThat(links.page("login")).isEqualTo("https://blog.example.org/login");
    }
}
