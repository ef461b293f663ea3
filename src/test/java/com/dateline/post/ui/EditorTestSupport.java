package com.dateline.post.ui;

import com.dateline.post.PostEditing;
import com.dateline.post.PostForm;
import com.dateline.support.Demo;
import com.dateline.support.SignIn;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * What the editor tests share: a sign-in, posts written through the service as the demo editor, and their
 * removal afterwards, so the readers' pages of other tests stay as they were. Register it with
 * {@code @RegisterExtension}: it finds the test's application context before each test, and after it removes the
 * posts the test wrote and signs out.
 */
final class EditorTestSupport implements BeforeEachCallback, AfterEachCallback {

    private final SignIn signIn = new SignIn();
    private @Nullable PostEditing editing;
    private final List<Long> written = new ArrayList<>();

    @Override
    public void beforeEach(ExtensionContext extension) {
        signIn.beforeEach(extension);
        editing = SpringExtension.getApplicationContext(extension).getBean(PostEditing.class);
    }

    @Override
    public void afterEach(ExtensionContext extension) {
        try {
            deleteWritten();
        } finally {
            signIn.afterEach(extension);
        }
    }

    /** The sign-in the test acts with; signed out after each test. */
    SignIn signIn() {
        return signIn;
    }

    private PostEditing editing() {
        return Objects.requireNonNull(editing, "EditorTestSupport is not bound to an application context");
    }

    <T> T asEditor(Supplier<T> work) {
        return signIn.call(Demo.EDITOR, work);
    }

    /** A short word no other test uses, to make titles and slugs unique. */
    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Saves a post through the service as the demo editor and remembers it for {@link #deleteWritten()}. */
    long write(String title, String slug, LocalDateTime publishAt, boolean draft, PostForm.@Nullable PhotoForm photo) {
        var id = asEditor(() -> editing()
                .save(new PostForm(
                        null,
                        0,
                        title,
                        "Iraq",
                        slug,
                        publishAt,
                        "Times staff writers in Baghdad",
                        true,
                        draft,
                        "A first paragraph.\n\n> A quotation.",
                        photo)));
        written.add(id);
        return id;
    }

    /** Posts a test made through the view, to be removed afterwards as well. */
    void remember(long postId) {
        written.add(postId);
    }

    private void deleteWritten() {
        asEditor(() -> {
            written.forEach(editing()::delete);
            return null;
        });
        written.clear();
    }

    /** A real PNG of the given size. */
    static byte[] png(int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        try {
            g.setColor(new Color(0x8b, 0x1a, 0x1a));
            g.fillRect(0, 0, width, height);
        } finally {
            g.dispose();
        }
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
