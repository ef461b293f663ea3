package com.dateline.post.ui;

import com.dateline.post.PostEditing;
import com.dateline.post.PostForm;
import com.dateline.support.SignIn;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import javax.imageio.ImageIO;

/**
 * What the editor tests share: the demo accounts, posts written through the service as the demo editor, and their
 * removal afterwards, so the readers' pages of other tests stay as they were.
 */
final class EditorTestSupport {

    static final String READER = "reader@dateline.test";
    static final String MODERATOR = "moderator@dateline.test";
    static final String EDITOR = "editor@dateline.test";
    static final String ADMIN = "admin@dateline.test";

    private final SignIn signIn;
    private final PostEditing editing;
    private final List<Long> written = new ArrayList<>();

    EditorTestSupport(SignIn signIn, PostEditing editing) {
        this.signIn = signIn;
        this.editing = editing;
    }

    <T> T asEditor(Supplier<T> work) {
        return signIn.call(EDITOR, work);
    }

    /** A short word no other test uses, to make titles and slugs unique. */
    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Saves a post through the service as the demo editor and remembers it for {@link #deleteWritten()}. */
    long write(
            String title,
            String slug,
            LocalDateTime publishAt,
            boolean draft,
            PostForm.@org.jspecify.annotations.Nullable PhotoForm photo) {
        var id = asEditor(() -> editing.save(new PostForm(
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

    void deleteWritten() {
        asEditor(() -> {
            written.forEach(editing::delete);
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
