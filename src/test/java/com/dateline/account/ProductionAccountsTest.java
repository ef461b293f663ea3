package com.dateline.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dateline.Application;
import com.dateline.support.ShippedDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A data folder first started the quick-start way (demo data and its published passwords) and then run with
 * {@code prod}: no demo account signs in, and the operator's first administrator is created.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionAccountsTest {

    private static final List<String> DEMO_ACCOUNTS =
            List.of("reader@dateline.test", "moderator@dateline.test", "editor@dateline.test", "admin@dateline.test");

    @TempDir
    Path dataDir;

    @Test
    void under_prod_no_demo_account_signs_in_and_the_configured_admin_is_created(CapturedOutput output) {
        try (var quickStart = start("--dateline.demo-data=true")) {
            assertThat(signIn(quickStart, "admin@dateline.test", "admin-demo-2008"))
                    .contains("ROLE_ADMIN");
        }

        try (var production = start(
                "--spring.profiles.active=prod",
                "--dateline.blog.base-url=https://blog.example.org",
                "--dateline.admin.email=chief@newsroom.example",
                "--dateline.admin.password=a long and private phrase")) {
            for (var demo : DEMO_ACCOUNTS) {
                var password = demo.substring(0, demo.indexOf('@')) + "-demo-2008";
                assertThatThrownBy(() -> signIn(production, demo, password))
                        .as(demo)
                        .isInstanceOf(DisabledException.class);
                assertThat(output.getOut()).contains("Disabled the demo account " + demo);
            }
            assertThat(signIn(production, "chief@newsroom.example", "a long and private phrase"))
                    .contains("ROLE_ADMIN");
        }
    }

    @Test
    void a_first_admin_password_that_breaks_the_rules_stops_the_start(CapturedOutput output) {
        assertThatThrownBy(() -> start(
                        "--spring.profiles.active=prod",
                        "--dateline.blog.base-url=https://blog.example.org",
                        "--dateline.admin.email=chief@newsroom.example",
                        "--dateline.admin.password=password1234"))
                .isNotNull();

        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("The first administrator's password in dateline.admin.password (DATELINE_ADMIN_PASSWORD)"
                        + " breaks the rules every account's password follows: This password is too common");
    }

    @Test
    void prod_without_an_administrator_and_without_the_admin_settings_stops_the_start(CapturedOutput output) {
        assertThatThrownBy(() ->
                        start("--spring.profiles.active=prod", "--dateline.blog.base-url=https://blog.example.org"))
                .isNotNull();

        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("No administrator account can sign in, and dateline.admin.email and dateline.admin.password"
                        + " (DATELINE_ADMIN_EMAIL and DATELINE_ADMIN_PASSWORD) are not set.");
    }

    private ConfigurableApplicationContext start(String... settings) {
        var arguments = new ArrayList<>(List.of(
                "--dateline.data-dir=" + dataDir,
                // The test configuration names an in-memory database; a restart needs the shipped file database.
                "--spring.datasource.url=" + ShippedDatabase.url(),
                "--server.port=0"));
        arguments.addAll(List.of(settings));
        return new SpringApplicationBuilder(Application.class).run(arguments.toArray(String[]::new));
    }

    /** Signs in the way the sign-in form's provider does; answers the granted roles. */
    private static List<String> signIn(ConfigurableApplicationContext context, String email, String password) {
        var provider = new DaoAuthenticationProvider(context.getBean(UserDetailsService.class));
        provider.setPasswordEncoder(context.getBean(PasswordEncoder.class));
        return provider
                .authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, password))
                .getAuthorities()
                .stream()
                .map(GrantedAuthority::getAuthority)
                .toList();
    }
}
