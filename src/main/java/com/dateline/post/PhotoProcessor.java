package com.dateline.post;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads an uploaded or generated image and makes the renditions that pages serve. An image is measured by its header
 * before any pixel is decoded, and decoded once, at a size no larger than its thumbnail needs: a small file can declare
 * a picture whose pixels would fill the heap that every other request shares.
 */
@Component
class PhotoProcessor {

    static final int THUMBNAIL_WIDTH = 360;
    /** Keeps the thumbnail of a very tall image (a scanned page, a long chart) small as well. */
    static final int THUMBNAIL_MAX_HEIGHT = 4 * THUMBNAIL_WIDTH;

    static final int MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
    static final int MAX_PIXELS = 50_000_000;
    /** Decoders hold whole rows, so a very long side costs memory however few pixels the image has. */
    static final int MAX_SIDE = 20_000;

    /**
     * The editor checks an upload when it arrives and saves it later: the one decode of the check is kept for the
     * save, keyed by the bytes' digest so that only the very same bytes find it.
     */
    private final Cache<String, Processed> processed = Caffeine.newBuilder()
            .maximumSize(32)
            .expireAfterWrite(Duration.ofHours(1))
            .build();

    /** What one decode of an accepted image gives. */
    private record Processed(UploadedPhoto photo, EncodedImage thumbnail) {}

    /** The renditions stored for a photo. */
    record Renditions(EncodedImage original, EncodedImage thumbnail) {}

    /**
     * Accepts a JPEG, PNG or WebP file by what its bytes are, whatever it is called, and only if it decodes.
     *
     * @throws IllegalArgumentException with a message for the editor otherwise
     */
    UploadedPhoto inspect(byte[] bytes) {
        return processed(bytes).photo();
    }

    /**
     * The original, exactly as uploaded, and its thumbnail.
     *
     * @throws IllegalArgumentException with a message for the editor if the image is not one {@link #inspect} accepts
     */
    Renditions renditions(byte[] bytes) {
        var done = processed(bytes);
        var photo = done.photo();
        return new Renditions(
                new EncodedImage(bytes, photo.contentType(), photo.width(), photo.height(), etag(bytes)),
                done.thumbnail());
    }

    private Processed processed(byte[] bytes) {
        if (bytes.length > MAX_UPLOAD_BYTES) {
            throw new IllegalArgumentException("The photo is larger than 10 MB. Please upload a smaller file.");
        }
        var contentType = sniff(bytes);
        if (contentType == null) {
            throw new IllegalArgumentException("This file is not a JPEG, PNG or WebP image.");
        }
        var key = HexFormat.of().formatHex(sha256(bytes));
        var known = processed.getIfPresent(key);
        if (known != null) {
            return known;
        }
        var done = process(bytes, contentType);
        processed.put(key, done);
        return done;
    }

    private static Processed process(byte[] bytes, String contentType) {
        var readers = ImageIO.getImageReadersByMIMEType(contentType);
        if (!readers.hasNext()) {
            throw new IllegalStateException("No image reader for " + contentType);
        }
        var reader = readers.next();
        try (var input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(input, true, true);
            int width;
            int height;
            try {
                width = reader.getWidth(0);
                height = reader.getHeight(0);
            } catch (IOException | RuntimeException unreadable) {
                throw damaged();
            }
            refuseIfTooLarge(width, height);
            var size = thumbnailSize(width, height);
            // Every row is still read, so a damaged file is still found, but only every step-th pixel is kept; twice
            // the thumbnail's size leaves the bicubic scaling below something to smooth.
            var step = Math.max(1, Math.max(width / (2 * size.width), height / (2 * size.height)));
            var param = reader.getDefaultReadParam();
            param.setSourceSubsampling(step, step, 0, 0);
            BufferedImage decoded;
            try {
                decoded = reader.read(0, param);
            } catch (IOException | RuntimeException unreadable) {
                throw damaged();
            }
            var thumbnail = scale(decoded, size.width, size.height);
            var photo = new UploadedPhoto(contentType, width, height, bytes.length);
            return new Processed(
                    photo, new EncodedImage(thumbnail, "image/jpeg", size.width, size.height, etag(thumbnail)));
        } catch (IOException closing) {
            throw new UncheckedIOException(closing);
        } finally {
            reader.dispose();
        }
    }

    private static void refuseIfTooLarge(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw damaged();
        }
        var size = String.format(Locale.US, "This image is %,d × %,d pixels; ", width, height);
        if ((long) width * height > MAX_PIXELS) {
            throw new IllegalArgumentException(
                    size + "the most we take is 50 megapixels. Please upload a smaller version.");
        }
        if (Math.max(width, height) > MAX_SIDE) {
            throw new IllegalArgumentException(size
                    + String.format(
                            Locale.US,
                            "the most we take is %,d pixels on a side. Please upload a smaller version.",
                            MAX_SIDE));
        }
    }

    private static IllegalArgumentException damaged() {
        return new IllegalArgumentException("This image is damaged or incomplete and cannot be read.");
    }

    private static Dimension thumbnailSize(int width, int height) {
        var scale = Math.min(1.0, Math.min(THUMBNAIL_WIDTH / (double) width, THUMBNAIL_MAX_HEIGHT / (double) height));
        return new Dimension(
                Math.max(1, (int) Math.round(width * scale)), Math.max(1, (int) Math.round(height * scale)));
    }

    private static byte[] scale(BufferedImage image, int width, int height) {
        var scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = scaled.createGraphics();
        try {
            // A transparent PNG would otherwise turn black in a JPEG.
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return encodeJpeg(scaled);
    }

    private static @Nullable String sniff(byte[] bytes) {
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

    private static String etag(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes), 0, 16);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
