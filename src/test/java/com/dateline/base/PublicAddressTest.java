package com.dateline.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dateline.Application;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The blog's public address: required under {@code prod}, and refused at start when a browser could not open it. */
@ExtendWith(OutputCaptureExtension.class)
class PublicAddressTest {

    @Test
    void prod_without_a_public_address_refuses_to_start_naming_the_setting(CapturedOutput output) {
        assertThatThrownBy(() -> start("--spring.profiles.active=prod")).isNotNull();

        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("The prod profile needs the blog's public address in dateline.blog.base-url"
                        + " (DATELINE_BLOG_BASE_URL)");
    }

    @Test
    void an_address_without_a_scheme_refuses_to_start_in_any_profile(CapturedOutput output) {
        assertThatThrownBy(() -> start("--dateline.blog.base-url=blog.example.org"))
                .isNotNull();

        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("dateline.blog.base-url (DATELINE_BLOG_BASE_URL) is \"blog.example.org\": it must start with"
                        + " https:// or http://.");
    }

    private static void start(String... settings) {
        var arguments = new String[settings.length + 2];
        arguments[0] = "--spring.datasource.url=jdbc:h2:mem:public-address-" + UUID.randomUUID();
        arguments[1] = "--server.port=0";
        System.arraycopy(settings, 0, arguments, 2, settings.length);
        new SpringApplicationBuilder(Application.class).run(arguments).close();
    }
}
