package com.dateline.backup.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.dateline.backup.BackupFailed;
import com.dateline.backup.BackupService;
import com.dateline.postgres.PostgresForTests;
import com.dateline.support.Demo;
import com.dateline.support.SignIn;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** On PostgreSQL the Backups page and the service say to use pg_dump and pg_restore, and write nothing themselves. */
@SpringBootTest
class BackupsOnPostgresqlTest extends SpringBrowserlessTest {

    @RegisterExtension
    final SignIn signIn = new SignIn();

    @Autowired
    private BackupService backups;

    @DynamicPropertySource
    static void postgresql(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> PostgresForTests.urlOf("backups_on_postgresql"));
        registry.add("spring.datasource.username", () -> "postgres");
    }

    @Test
    void the_page_tells_an_admin_to_use_pg_dump_and_offers_no_button() {
        signIn.as(Demo.ADMIN);

        navigate("admin/backups", BackupView.class);

        assertThat(find(Paragraph.class).withId("backup-postgresql").single().getText())
                .contains("PostgreSQL", "pg_dump --format=custom", "pg_restore");
        assertThat(find(Button.class).withText("Back up now").exists()).isFalse();
    }

    @Test
    void backing_up_through_the_service_is_refused_with_the_same_advice() {
        signIn.as(Demo.ADMIN);

        var refused = catchThrowable(backups::backUp);

        assertThat(refused).isInstanceOf(BackupFailed.class).hasMessageContaining("pg_dump");
        assertThat(backups.backups()).isEmpty();
        assertThat(backups.writesBackups()).isFalse();
    }
}
