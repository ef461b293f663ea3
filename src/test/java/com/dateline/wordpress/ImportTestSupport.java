package com.dateline.wordpress;

import com.dateline.support.SignIn;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * What the import tests share. Each test imports the fixture with GUIDs of its own ({@code ?p=<run>-101}), so that no
 * two tests (nor two test classes on the shared database) meet each other's posts, and removes afterwards every row
 * its imports added: comments, posts, the fixture's categories and the imported authors nobody refers to any more.
 * Register it with {@code @RegisterExtension}: it finds the test's application context before each test, and after it
 * removes what the test imported and signs out.
 */
public final class ImportTestSupport implements BeforeEachCallback, AfterEachCallback {

    /** Slugs of the categories the fixture brings; removed after a test unless another post uses them. */
    static final List<String> FIXTURE_CATEGORIES = List.of("dispatches", "iran-desk", "uncategorized");

    private final SignIn signIn = new SignIn();
    private @Nullable JdbcTemplate jdbc;
    public final String run = UUID.randomUUID().toString().substring(0, 8);

    @Override
    public void beforeEach(ExtensionContext extension) {
        signIn.beforeEach(extension);
        jdbc = SpringExtension.getApplicationContext(extension).getBean(JdbcTemplate.class);
    }

    @Override
    public void afterEach(ExtensionContext extension) {
        try {
            deleteImported();
        } finally {
            signIn.afterEach(extension);
        }
    }

    /** The sign-in the test acts with; signed out after each test. */
    public SignIn signIn() {
        return signIn;
    }

    private JdbcTemplate jdbc() {
        return Objects.requireNonNull(jdbc, "ImportTestSupport is not bound to an application context");
    }

    /** The fixture, with this run's GUIDs. */
    public byte[] fixture() {
        return ofThisRun(resource("/wordpress/small-archive.xml"));
    }

    /** Any WXR text with this run's GUIDs: "http://babylon.example.org/?p=101" becomes "…?p=<run>-101". */
    public byte[] ofThisRun(String wxr) {
        return wxr.replace("babylon.example.org/?p=", "babylon.example.org/?p=" + run + "-")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The GUID a fixture post has in this run. */
    public String guid(int wordPressId) {
        return "http://babylon.example.org/?p=" + run + "-" + wordPressId;
    }

    public static String resource(String path) {
        try (InputStream in = ImportTestSupport.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows in the tables an import writes to. */
    public List<Long> rowCounts() {
        return List.of(
                count("select count(*) from post"),
                count("select count(*) from comment"),
                count("select count(*) from account"),
                count("select count(*) from category"));
    }

    private long count(String sql) {
        var count = jdbc().queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }

    /** Removes what this run's imports added. */
    private void deleteImported() {
        var jdbc = jdbc();
        var posts = "select id from post where import_key like '%?p=" + run + "-%'";
        jdbc.update("update comment set parent_id = null, root_id = null where post_id in (" + posts + ")");
        jdbc.update("delete from comment where post_id in (" + posts + ")");
        jdbc.update("delete from post where id in (" + posts + ")");
        for (var slug : FIXTURE_CATEGORIES) {
            jdbc.update("delete from category where slug = ? and id not in (select category_id from post)", slug);
        }
        jdbc.update("""
                delete from account where imported = true
                  and id not in (select author_id from comment)
                  and id not in (select reporter_id from comment_report)
                  and id not in (select moderator_id from moderation_action)
                  and id not in (select author_id from commenter)""");
    }
}
