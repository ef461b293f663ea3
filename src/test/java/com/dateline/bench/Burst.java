package com.dateline.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N anonymous readers arriving at once: N connections are opened first, then every one of them sends its GET in the
 * same instant (one latch), as a link shared on a front page brings them. Prints the answers' status codes, how many
 * different ETags they carried and the latency from that instant. How many page builds they cost is the server's to
 * tell (its {@code PublicPages} debug log, one line per build), which {@code bench/public-pages.sh} counts.
 *
 * <p>{@code java -cp target/test-classes com.dateline.bench.Burst http://127.0.0.1:8080/2008/04/slug 1000}
 */
public final class Burst {

    public static void main(String[] args) throws Exception {
        var url = URI.create(args[0]);
        var count = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        var address = new InetSocketAddress(url.getHost(), url.getPort());
        var request = ("GET " + url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery())
                        + " HTTP/1.1\r\n"
                        + "Host: " + url.getHost() + ":" + url.getPort() + "\r\n"
                        + "Accept-Encoding: gzip\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        var sockets = new ArrayList<Socket>(count);
        for (var i = 0; i < count; i++) {
            var socket = new Socket();
            socket.connect(address, 10_000);
            socket.setSoTimeout(60_000);
            sockets.add(socket);
        }
        var go = new CountDownLatch(1);
        var statuses = new ConcurrentHashMap<String, AtomicLong>();
        var etags = new ConcurrentHashMap<String, AtomicLong>();
        var latencies = new long[count];
        var started = new AtomicLong();
        var threads = new ArrayList<Thread>(count);
        for (var i = 0; i < count; i++) {
            var index = i;
            var socket = sockets.get(i);
            threads.add(Thread.ofVirtual().start(() -> {
                try (socket) {
                    go.await();
                    socket.getOutputStream().write(request);
                    socket.getOutputStream().flush();
                    var answer = readAll(socket);
                    latencies[index] = System.nanoTime() - started.get();
                    var head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n")));
                    var lines = head.split("\r\n");
                    statuses.computeIfAbsent(
                                    lines.length > 0 && lines[0].length() >= 12 ? lines[0].substring(9, 12) : "none",
                                    k -> new AtomicLong())
                            .incrementAndGet();
                    var etag = Arrays.stream(lines)
                            .filter(line -> line.toLowerCase(Locale.ROOT).startsWith("etag:"))
                            .map(line -> line.substring(5).strip())
                            .findFirst()
                            .orElse("(none)");
                    etags.computeIfAbsent(etag, k -> new AtomicLong()).incrementAndGet();
                } catch (IOException | InterruptedException e) {
                    statuses.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicLong())
                            .incrementAndGet();
                }
            }));
        }
        started.set(System.nanoTime());
        go.countDown();
        for (var thread : threads) {
            thread.join();
        }
        var sorted =
                Arrays.stream(latencies).filter(nanos -> nanos > 0).sorted().toArray();
        System.out.printf(Locale.ROOT, "Burst: %d requests sent at once to %s%n", count, url);
        System.out.println("status codes: " + sorted(statuses));
        System.out.println("different ETags: " + etags.size() + " " + sorted(etags));
        if (sorted.length > 0) {
            System.out.printf(
                    Locale.ROOT,
                    "latency from the instant they were sent, ms: p50 %.1f  p99 %.1f  max %.1f%n",
                    percentile(sorted, 50),
                    percentile(sorted, 99),
                    sorted[sorted.length - 1] / 1e6);
        }
    }

    private static String readAll(Socket socket) throws IOException {
        var bytes = new ByteArrayOutputStream();
        socket.getInputStream().transferTo(bytes);
        // The head is ASCII; the gzipped body after it is not read as text.
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    private static Map<String, Long> sorted(Map<String, AtomicLong> counts) {
        var result = new TreeMap<String, Long>();
        counts.forEach((key, value) -> result.put(key, value.get()));
        return result;
    }

    /** The p-th percentile of sorted nanoseconds, in milliseconds. */
    static double percentile(long[] sorted, int p) {
        var index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private Burst() {}
}
