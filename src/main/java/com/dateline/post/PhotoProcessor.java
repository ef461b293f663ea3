package com.dateline.post;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.imageio.ImageIO;
import org.springframework.stereotype.Component;

/** Reads an uploaded or generated image and makes the renditions that pages serve. */
@Component
class PhotoProcessor {

    static final int THUMBNAIL_WIDTH = 360;

    EncodedImage original(byte[] bytes, String contentType) {
        var image = decode(bytes);
        return new EncodedImage(bytes, contentType, image.getWidth(), image.getHeight(), etag(bytes));
    }

    EncodedImage thumbnail(byte[] originalBytes) {
        var original = decode(originalBytes);
        var width = Math.min(THUMBNAIL_WIDTH, original.getWidth());
        var height = Math.max(1, Math.round(original.getHeight() * (width / (float) original.getWidth())));
        var scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(original, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        var jpeg = encodeJpeg(scaled);
        return new EncodedImage(jpeg, "image/jpeg", width, height, etag(jpeg));
    }

    static byte[] encodeJpeg(BufferedImage image) {
        var out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "jpeg", out)) {
                throw new IllegalStateException("No JPEG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static BufferedImage decode(byte[] bytes) {
        try {
            var image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new IllegalArgumentException("Not an image this server can read");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String etag(byte[] bytes) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
