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
    static final int MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
    static final int MAX_PIXELS = 50_000_000;

    /**
     * Accepts a JPEG, PNG or WebP file by what its bytes are, whatever it is called, and only if it decodes.
     *
     * @throws IllegalArgumentException with a message for the editor otherwise
     */
    UploadedPhoto inspect(byte[] bytes) {
        if (bytes.length > MAX_UPLOAD_BYTES) {
            throw new IllegalArgumentException("The photo is larger than 10 MB. Please upload a smaller file.");
        }
        var contentType = sniff(bytes);
        if (contentType == null) {
            throw new IllegalArgumentException("This file is not a JPEG, PNG or WebP image.");
        }
        BufferedImage image;
        try {
            image = decode(bytes);
        } catch (RuntimeException unreadable) {
            throw new IllegalArgumentException("This image is damaged or incomplete and cannot be read.");
        }
        if ((long) image.getWidth() * image.getHeight() > MAX_PIXELS) {
            throw new IllegalArgumentException("The photo has more than 50 million pixels. Please upload a smaller one.");
        }
        return new UploadedPhoto(contentType, image.getWidth(), image.getHeight(), bytes.length);
    }

    private static @org.jspecify.annotations.Nullable String sniff(byte[] bytes) {
        if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
            return "image/webp";
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int offset, int... expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (var i = 0; i < expected.length; i++) {
            if ((bytes[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

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
            // A transparent PNG would otherwise turn black in a JPEG.
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, width, height);
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
