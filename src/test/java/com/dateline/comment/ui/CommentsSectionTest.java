package com.dateline.comment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.comment.CommentService;
import com.dateline.comment.CommentTestSupport;
import com.dateline.support.Demo;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class CommentsSectionTest extends SpringBrowserlessTest {

    @RegisterExtension
    final CommentTestSupport support = new CommentTestSupport();

    @Autowired
    CommentService comments;

    @Autowired
    JdbcTemplate jdbc;

    /** Comments these tests wrote; other test classes expect the demo posts without comments. */
    private final List<Long> written = new ArrayList<>();

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
        support.signInNewReader("earlier");
        var earlierComment = comments.submit(postId(), null, "The Old City was quiet before the holiday crowds came.");
        written.add(earlierComment.commentId());
        support.approve(earlierComment.commentId());
        support.signInNewReader("later");
        UI.getCurrent().navigate(Demo.page(Demo.JERUSALEM));
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
        // as the browser gets it: the comment's text arrives as sanitised HTML
        assertThat(org.jsoup.Jsoup.parse(after.getLast().getElement().getOuterHTML())
                        .text())
                .contains("Spring came early to the Jaffa Gate this year.", "Awaiting moderation");
        assertThat(section.text.getValue()).isEmpty();
        written.add(jdbc.queryForObject(
                "select max(id) from comment where body = ?",
                Long.class,
                "Spring came early to the Jaffa Gate this year."));
    }

    @Test
    void the_author_sees_their_formatted_comment_formatted_and_edits_it_as_they_typed_it() {
        support.signInNewReader("formatter");
        UI.getCurrent().navigate(Demo.page(Demo.JERUSALEM));
        var section = find(CommentsSection.class).single();
        var typed = "> the crowds came\n\n**Not** this year, *surely*.";

        test(section.text).setValue(typed);
        test(section.post).click();
        written.add(jdbc.queryForObject("select max(id) from comment where body = ?", Long.class, typed));

        var mine = org.jsoup.Jsoup.parse(section.list
                        .getChildren()
                        .toList()
                        .getLast()
                        .getElement()
                        .getOuterHTML())
                .selectFirst(".comment-text");
        assertThat(mine.select("blockquote").text()).isEqualTo("the crowds came");
        assertThat(mine.select("strong").text()).isEqualTo("Not");
        assertThat(mine.select("em").text()).isEqualTo("surely");
        assertThat(mine.text()).doesNotContain("**", ">");

        test(find(com.vaadin.flow.component.button.Button.class)
                        .withText("Edit")
                        .single())
                .click();

        assertThat(find(com.vaadin.flow.component.textfield.TextArea.class)
                        .withCaption("Edit your comment")
                        .single()
                        .getValue())
                .isEqualTo(typed);
    }

    private long postId() {
        UI.getCurrent().navigate(Demo.page(Demo.JERUSALEM));
        return find(CommentsSection.class).single().postId();
    }
}
