package com.dateline.comment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.account.AccountService;
import com.dateline.account.Registration;
import com.dateline.comment.CommentService;
import com.dateline.comment.CommentTestSupport;
import com.dateline.support.SignIn;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

@SpringBootTest
class CommentsSectionTest extends SpringBrowserlessTest {

    @RegisterExtension
    final SignIn signIn = new SignIn();

    private static final String JERUSALEM = "2008/04/israel-spring-in-jerusalems-old-city";

    @Autowired
    AccountService accounts;

    @Autowired
    CommentService comments;

    @Autowired
    ApplicationContext context;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    /** Comments these tests wrote; other test classes expect the demo posts without comments. */
    private final java.util.List<Long> written = new java.util.ArrayList<>();

    @AfterEach
    void deleteWritten() {
        for (var id : written) {
            jdbc.update("delete from moderation_action where comment_id = ?", id);
            jdbc.update("delete from comment_report where comment_id = ?", id);
            jdbc.update("delete from comment where id = ?", id);
        }
    }

    @Test
    void a_new_comment_appears_under_the_others_without_redrawing_them() {
        var earlier = newReader("earlier");
        signIn.as(earlier);
        var earlierComment = comments.submit(postId(), null, "The Old City was quiet before the holiday crowds came.");
        written.add(earlierComment.commentId());
        new CommentTestSupport(context).approve(earlierComment.commentId());
        signIn.as(newReader("later"));
        UI.getCurrent().navigate(JERUSALEM);
        var section = find(CommentsSection.class).single();
        var before = section.list.getChildren().toList();
        assertThat(before).isNotEmpty();

        test(section.text).setValue("Spring came early to the Jaffa Gate this year.");
        test(section.post).click();

        var after = section.list.getChildren().toList();
        assertThat(after.subList(0, before.size()))
                .as("the comments already shown are the same components")
                .isEqualTo(before);
        assertThat(after).hasSize(before.size() + 1);
        assertThat(after.getLast().getElement().getTextRecursively())
                .contains("Spring came early to the Jaffa Gate this year.", "Awaiting moderation");
        assertThat(section.text.getValue()).isEmpty();
        written.add(jdbc.queryForObject(
                "select max(id) from comment where body = ?",
                Long.class,
                "Spring came early to the Jaffa Gate this year."));
    }

    private long postId() {
        UI.getCurrent().navigate(JERUSALEM);
        return find(CommentsSection.class).single().postId();
    }

    private String newReader(String prefix) {
        var email = prefix + "-" + UUID.randomUUID() + "@example.org";
        accounts.register(new Registration("Reader " + prefix, email, "a long enough passphrase 2008"));
        return email;
    }
}
