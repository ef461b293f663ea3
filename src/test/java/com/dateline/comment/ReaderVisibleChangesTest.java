package com.dateline.comment;

import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.account.AccountService;
import com.dateline.account.ReaderNameChanged;
import com.dateline.base.ReaderContent;
import com.dateline.post.PostService;
import com.dateline.support.SignIn;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class ReaderVisibleChangesTest {

    @RegisterExtension
    final SignIn signIn = new SignIn();

    @Autowired
    ReaderContent readerContent;

    @Autowired
    CommentImport imports;

    @Autowired
    AccountService accounts;

    @Autowired
    PostService posts;

    @Autowired
    JdbcTemplate jdbc;

    private String importKey = "";

    @AfterEach
    void deleteImported() {
        jdbc.update("delete from comment where import_key = ?", importKey);
    }

    @Test
    void public_pages_are_drawn_again_when_a_reader_with_published_comments_changes_name(Scenario scenario) {
        signIn.as("admin@dateline.test");
        var reader = accounts.findAccountId("reader@dateline.test").orElseThrow();
        var post = posts.findPublished(PageRequest.of(0, 1)).getContent().getFirst();
        importKey = "renamed-" + UUID.randomUUID();
        imports.importComment(new ImportedComment(
                importKey,
                post.id(),
                null,
                reader,
                "A comment signed with the old name.",
                CommentFormat.WORDPRESS_HTML,
                CommentStatus.PUBLISHED,
                false,
                Instant.parse("2008-04-07T10:00:00Z")));
        var before = readerContent.version();

        scenario.publish(new ReaderNameChanged(reader))
                .andWaitForStateChange(() -> readerContent.version() != before)
                .andVerify(changed -> assertThat(changed).isTrue());
    }
}
