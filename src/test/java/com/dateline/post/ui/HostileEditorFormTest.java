package com.dateline.post.ui;

import static com.dateline.support.Demo.EDITOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.support.HostileInput.Sample;
import com.vaadin.browserless.SpringBrowserlessTest;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The post editor with characters no page can show: the field says what and where, the alert says the post was not
 * saved, and everything typed stays in the form.
 */
@SpringBootTest
class HostileEditorFormTest extends SpringBrowserlessTest {

    @RegisterExtension
    final EditorTestSupport support = new EditorTestSupport();

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        support.signIn().as(EDITOR);
    }

    private record Field(
            String name,
            Function<PostEditorView, com.vaadin.flow.component.textfield.TextFieldBase<?, String>> field) {}

    private static final List<Field> FIELDS = List.of(
            new Field("title", view -> view.title),
            new Field("byline", view -> view.byline),
            new Field("body", view -> view.body));

    @ParameterizedTest
    @MethodSource("com.dateline.support.HostileInput#unshowable")
    void an_unshowable_character_is_named_on_its_field_and_the_post_is_kept_in_the_form_unsaved(Sample sample) {
        for (var field : FIELDS) {
            var posts = jdbc.queryForObject("select count(*) from post", Long.class);
            var view = navigate("admin/posts/new", PostEditorView.class);
            test(view.title).setValue("A hostile title " + EditorTestSupport.unique());
            test(view.category).selectItem("Iran");
            test(view.body).setValue("A body.");
            var typed = field.name().equals("title") ? sample.text() + " " + EditorTestSupport.unique() : sample.text();
            // as the browser would send it: the field has no client-side rule against these characters
            field.field().apply(view).setValue(typed);

            test(view.save).click();

            var input = field.field().apply(view);
            assertThat(input.isInvalid()).as(field.name()).isTrue();
            assertThat(input.getErrorMessage()).as(field.name()).contains("contains a character that cannot be shown");
            assertThat(input.getValue()).as(field.name()).isEqualTo(typed);
            assertThat(view.alert.isVisible()).isTrue();
            assertThat(view.alert.getElement().getTextRecursively()).startsWith("The post was not saved.");
            assertThat(jdbc.queryForObject("select count(*) from post", Long.class))
                    .as(field.name())
                    .isEqualTo(posts);
        }
    }
}
