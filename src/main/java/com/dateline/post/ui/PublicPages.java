package com.dateline.post.ui;

import com.dateline.base.ExpiresAt;
import com.dateline.base.ReaderContent;
import com.dateline.base.ui.NotFoundView;
import com.dateline.post.PostPageSection;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NavigationState;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.Router;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The reader pages as anonymous readers get them: the whole page as HTML, without Vaadin's client, built from the same
 * components as the live views and kept finished (and compressed) until what it shows changes.
 *
 * <p>An entry's key holds the page's address (only the parts of the query a page reads) and the version of
 * {@link ReaderContent}, which every change readers can see moves; a request arriving after the change asks for a new
 * key, and readers arriving together wait for one build (Caffeine computes a missing entry once). What no change
 * announces (a commenter's new display name, a discussion closing with age) shows within {@link #TIME_TO_LIVE}, and no
 * entry lives past the next scheduled publication, which gives a post its page and its neighbours their links.
 */
@Component
class PublicPages implements VaadinServiceInitListener {

    static final Duration TIME_TO_LIVE = Duration.ofSeconds(60);

    /** A finished page: the status, the HTML as UTF-8 and gzipped, and what HTTP caches compare. */
    record PublicPage(int status, byte[] html, byte[] gzip, String etag, Instant lastModified) {}

    private static final Logger log = LoggerFactory.getLogger(PublicPages.class);

    private record Key(String address, long version) {}

    private record Built(PublicPage page, Instant expiresAt) {}

    private final ReaderPages readerPages;
    private final ReaderContent readerContent;
    private final Clock clock;
    private final Cache<Key, Built> pages;
    // The last ETag and modification time per address, so that a page rebuilt unchanged keeps its Last-Modified.
    private final Cache<String, PublicPage> previous =
            Caffeine.newBuilder().maximumSize(5_000).build();
    private final AtomicLong builds = new AtomicLong();
    // Which view an address is: the routes are fixed while the app runs, and resolving one walks every route.
    private final Cache<String, Optional<NavigationState>> routes =
            Caffeine.newBuilder().maximumSize(10_000).build();
    private volatile @Nullable Router router;

    PublicPages(ReaderPages readerPages, ReaderContent readerContent, Clock clock) {
        this.readerPages = readerPages;
        this.readerContent = readerContent;
        this.clock = clock;
        this.pages = Caffeine.newBuilder()
                .maximumSize(2_000)
                .expireAfter(new ExpiresAt<Key, Built>(Built::expiresAt))
                .ticker(ExpiresAt.ticker(clock))
                .build();
    }

    /** Vaadin's router decides which addresses are reader pages, as it does for the live views. */
    @Override
    public void serviceInit(ServiceInitEvent event) {
        var router = event.getSource().getRouter();
        this.router = router;
        // What reaches Vaadin (signed-in readers, odd addresses) still gets its 404 on the first answer: Vaadin would
        // send 200 and draw "Page not found" in the browser.
        event.addIndexHtmlRequestListener(response -> {
            var path = Optional.ofNullable(response.getVaadinRequest().getPathInfo())
                    .orElse("/");
            if (!exists(router, path)) {
                response.getVaadinResponse().setStatus(HttpServletResponse.SC_NOT_FOUND);
            }
        });
    }

    /** Whether the address is a page of the app; for a post or a category, whether it exists for readers. */
    private boolean exists(Router router, String path) {
        var state = router.resolveNavigationTarget(
                new Location(path.startsWith("/") ? path.substring(1) : path, QueryParameters.empty()));
        if (state.isEmpty()) {
            return false;
        }
        var target = state.get().getNavigationTarget();
        var parameters = state.get().getRouteParameters();
        if (target == PostView.class) {
            return readerPages.post(parameters).isPresent();
        }
        if (target == CategoryView.class) {
            return readerPages.category(parameters).isPresent();
        }
        return true;
    }

    /** Whether the address is one of the reader pages (home, category, post), whoever asks for it. */
    boolean isReaderPage(String path) {
        var router = this.router;
        if (router == null) {
            return false;
        }
        var target =
                resolve(router, path).map(state -> state.getNavigationTarget()).orElse(null);
        return target == HomeView.class || target == CategoryView.class || target == PostView.class;
    }

    private Optional<NavigationState> resolve(Router router, String path) {
        return routes.get(
                path,
                ignored -> router.resolveNavigationTarget(
                        new Location(path.startsWith("/") ? path.substring(1) : path, QueryParameters.empty())));
    }

    /** How many pages were built since the start: a burst of readers after a change should add one. */
    long builds() {
        return builds.get();
    }

    /**
     * The page at {@code path}, or empty when the address is not a reader page (the sign-in page, a static file, the
     * API), which the caller then hands on. Unknown addresses that look like pages get "Page not found".
     */
    Optional<PublicPage> page(
            String origin,
            String path,
            @Nullable String pageParameter,
            @Nullable String commentsParameter,
            @Nullable String orderParameter,
            BooleanSupplier handledElsewhere) {
        var router = this.router;
        if (router == null) {
            return Optional.empty();
        }
        var state = resolve(router, path);
        if (state.isEmpty()) {
            return looksLikePage(path) && !handledElsewhere.getAsBoolean()
                    ? Optional.of(cached(origin, path, "404", this::notFound))
                    : Optional.empty();
        }
        var target = state.get().getNavigationTarget();
        var parameters = state.get().getRouteParameters();
        if (target == HomeView.class || target == CategoryView.class) {
            var pageIndex = PostListParts.pageIndex(pageParameter == null ? List.of() : List.of(pageParameter));
            return Optional.of(cached(
                    origin,
                    path,
                    "?page=" + pageIndex,
                    () -> target == HomeView.class ? home(pageIndex) : category(parameters, pageIndex)));
        }
        if (target == PostView.class) {
            var part = new PostPageSection.Part(number(commentsParameter), "newest".equals(orderParameter));
            var variant = "?comments=" + part.number() + "&newest=" + part.newestFirst();
            return Optional.of(cached(origin, path, variant, () -> post(parameters, part)));
        }
        return Optional.empty();
    }

    /**
     * {@code origin} is the configured public address, or (only where none is configured, as in the quick start) the
     * request's; it is part of the key, so a request with a forged Host cannot give other readers its links.
     */
    private PublicPage cached(String origin, String path, String variant, Supplier<PublicDocument> content) {
        // Every unknown address shows the same page, kept once.
        var address = origin + ("404".equals(variant) ? "" : path) + variant;
        return pages.get(new Key(address, readerContent.version()), key -> {
                    var started = System.nanoTime();
                    var now = clock.instant();
                    var built = finish(origin, path, address, content.get(), now);
                    // One line per build: what an operator (or the benchmark) counts to see that a burst of readers
                    // cost one.
                    log.debug(
                            "Built the public page {} under version {}: {} bytes, {} gzipped, in {} µs",
                            address,
                            key.version(),
                            built.html().length,
                            built.gzip().length,
                            (System.nanoTime() - started) / 1_000);
                    var expiresAt = now.plus(TIME_TO_LIVE);
                    var next = readerPages.posts().nextPublication();
                    if (next.isPresent() && next.get().isBefore(expiresAt)) {
                        expiresAt = next.get();
                    }
                    return new Built(built, expiresAt);
                })
                .page();
    }

    private PublicPage finish(String origin, String path, String address, PublicDocument content, Instant now) {
        builds.incrementAndGet();
        var html = content.render(origin, path, readerPages.blog(), readerPages.time())
                .getBytes(StandardCharsets.UTF_8);
        var etag = "\"" + digest(html) + "\"";
        var before = previous.getIfPresent(address);
        var lastModified = before != null && before.etag().equals(etag)
                ? before.lastModified()
                : now.truncatedTo(ChronoUnit.SECONDS);
        var page = new PublicPage(content.status(), html, gzip(html), etag, lastModified);
        previous.put(address, page);
        return page;
    }

    private PublicDocument home(int pageIndex) {
        return new PublicDocument(
                readerPages.title(null),
                readerPages.blog().tagline(),
                readerPages.home(pageIndex),
                null,
                HttpServletResponse.SC_OK);
    }

    private PublicDocument category(RouteParameters parameters, int pageIndex) {
        var found = readerPages.category(parameters);
        if (found.isEmpty()) {
            return notFound();
        }
        var category = found.get();
        var blog = readerPages.blog();
        return new PublicDocument(
                readerPages.title(category.name()),
                category.name() + ": posts from " + blog.title() + ". " + blog.tagline(),
                readerPages.category(category, pageIndex),
                null,
                HttpServletResponse.SC_OK);
    }

    private PublicDocument post(RouteParameters parameters, PostPageSection.Part part) {
        var found = readerPages.post(parameters);
        if (found.isEmpty()) {
            return notFound();
        }
        var post = found.get();
        var body = new Div();
        readerPages
                .post(post, (section, summary) -> section.publicSection(summary, part))
                .forEach(body::add);
        return new PublicDocument(
                readerPages.title(post.summary().title()),
                post.summary().excerpt(),
                body,
                post,
                HttpServletResponse.SC_OK);
    }

    private PublicDocument notFound() {
        var view = new NotFoundView(readerPages.blog());
        return new PublicDocument(view.getPageTitle(), "Page not found", view, null, HttpServletResponse.SC_NOT_FOUND);
    }

    /**
     * Whether an address the router does not know is an unknown page rather than a static file (the theme, Vaadin's
     * client) or the actuator, which answer for themselves.
     */
    private static boolean looksLikePage(String path) {
        if (path.startsWith("/VAADIN") || path.startsWith("/actuator")) {
            return false;
        }
        var loader = PublicPages.class.getClassLoader();
        var resource = path.substring(1);
        return resource.isEmpty()
                || resource.endsWith("/")
                || (loader.getResource("META-INF/resources/" + resource) == null
                        && loader.getResource("static/" + resource) == null
                        && loader.getResource("public/" + resource) == null);
    }

    private static int number(@Nullable String value) {
        if (value == null) {
            return 1;
        }
        try {
            var number = Integer.parseInt(value.strip());
            return number >= 1 && number <= 10_000 ? number : 1;
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String digest(byte[] bytes) {
        try {
            var hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        var out = new ByteArrayOutputStream(bytes.length / 3);
        try (var gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
