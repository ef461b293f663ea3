package com.dateline.support;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * PNG files written chunk by chunk, so that a test can make the kind of file an attacker would: a few hundred KB
 * that declare more pixels than the heap can hold, because rows of zeros compress a thousandfold.
 */
public final class DeclaredSizePng {

    private DeclaredSizePng() {}

    /** A complete, valid 8-bit RGBA PNG of the given size whose every pixel is transparent black. */
    public static byte[] blank(int width, int height) {
        var pixels = new ByteArrayOutputStream();
        try (var zlib = new DeflaterOutputStream(pixels, new Deflater(Deflater.BEST_COMPRESSION), 64 * 1024)) {
            // each row: filter type 0, then four bytes a pixel
            var row = new byte[1 + width * 4];
            for (var y = 0; y < height; y++) {
                zlib.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png(width, height, pixels.toByteArray());
    }

    /** A PNG whose header declares the given size and whose pixel data ends before the first row. */
    public static byte[] headerOnly(int width, int height) {
        return png(width, height, new byte[] {0x78, (byte) 0xDA});
    }

    private static byte[] png(int width, int height, byte[] idat) {
        var out = new ByteArrayOutputStream();
        try (var data = new DataOutputStream(out)) {
            data.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
            var header = new ByteArrayOutputStream();
            var fields = new DataOutputStream(header);
            fields.writeInt(width);
            fields.writeInt(height);
            fields.writeByte(8); // bit depth
            fields.writeByte(6); // colour type: RGBA
            fields.writeByte(0); // compression
            fields.writeByte(0); // filter
            fields.writeByte(0); // no interlace
            chunk(data, "IHDR", header.toByteArray());
            chunk(data, "IDAT", idat);
            chunk(data, "IEND", new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] body) throws IOException {
        var typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(body.length);
        out.write(typeBytes);
        out.write(body);
        var crc = new CRC32();
        crc.update(typeBytes);
        crc.update(body);
        out.writeInt((int) crc.getValue());
    }
}
