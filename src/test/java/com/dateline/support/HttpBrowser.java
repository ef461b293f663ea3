package com.dateline.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A plain HTTP client that behaves like one browser for the whole-server tests: its own cookie jar (so its own
 * session), redirects not followed, and its own loopback address (127.0.x.y), so the sign-in throttle, which counts
 * failures per client address, never carries over from one test to another.
 */
public final class HttpBrowser {

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1000);
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final int port;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;
    private final String[] headers;

    public HttpBrowser(int port) {
        this(port, nextLoopbackAddress());
    }

    /** A browser behind a proxy: requests come from {@code localAddress} and carry {@code headers} (name, value, …). */
    public HttpBrowser(int port, InetAddress localAddress, String... headers) {
        this.port = port;
        this.headers = headers.clone();
        this.client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .localAddress(localAddress)
                .build();
    }

    /** A loopback address no other browser of this run has. */
    public static InetAddress loopback(int third, int fourth) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, (byte) third, (byte) fourth});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String rawPathAndQuery) {
        var builder = HttpRequest.newBuilder(uri(rawPathAndQuery));
        return headers.length == 0 ? builder : builder.headers(headers);
    }

    private static InetAddress nextLoopbackAddress() {
        var n = NEXT_ADDRESS.getAndIncrement();
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, (byte) (n / 250), (byte) (1 + n % 250)});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The address of a path and query on the server, exactly as given (no encoding is added). */
    public URI uri(String rawPathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + rawPathAndQuery);
    }

    public HttpResponse<String> get(String rawPathAndQuery) throws IOException, InterruptedException {
        return send(request(rawPathAndQuery).header("Accept", "text/html").GET().build());
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> postForm(String rawPathAndQuery, String... namesAndValues)
            throws IOException, InterruptedException {
        var body = new StringBuilder();
        for (var i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return send(request(rawPathAndQuery)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
    }

    /** Opens the sign-in page and posts the form with what was typed; returns the form's answer (a redirect). */
    public HttpResponse<String> signIn(String email, String password) throws IOException, InterruptedException {
        var page = get("/login");
        var csrf = CSRF_META.matcher(page.body());
        if (!csrf.find()) {
            throw new IllegalStateException("The sign-in page has no CSRF token");
        }
        return postForm("/login", "username", email, "password", password, "_csrf", csrf.group(1));
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst();
    }
}
