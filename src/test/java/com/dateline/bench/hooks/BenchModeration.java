package com.dateline.bench.hooks;

import com.dateline.comment.CommentModeration;
import com.dateline.comment.CommentStatus;
import com.dateline.comment.ModerationFilter;
import com.dateline.comment.ModerationItem;
import com.dateline.comment.ModerationQueue;
import com.dateline.moderation.ModerationService;
import com.dateline.moderation.ModerationVerb;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * A moderator the harness drives: {@code POST /moderate/{email}} with the run's token in {@code X-Bench-Token} takes the
 * oldest page of pending load-test comments and approves it through the same service and version checks as the
 * dashboard's bulk approve, as that moderator. Two harness moderators at once collide on the same comments, as two
 * people at the dashboard do; collisions are counted, not errors.
 *
 * <p>It listens on the loopback address on a port of its own ({@code dateline.bench.hooks-port}), not on the site's
 * port, so nothing of it passes through the site's security chain or can be reached from another machine; it starts
 * after the other start-up work, before the site reports itself ready.
 */
@Component
@ConditionalOnProperty("dateline.bench.token")
@Order(10)
class BenchModeration implements ApplicationRunner, AutoCloseable {

    static final String TOKEN_HEADER = "X-Bench-Token";
    private static final int PAGE = 20;
    private static final Logger log = LoggerFactory.getLogger(BenchModeration.class);

    private final BenchSettings settings;
    private final CommentModeration comments;
    private final ModerationService moderation;
    private final RunAs runAs;
    private @Nullable HttpServer server;

    BenchModeration(
            BenchSettings settings,
            CommentModeration comments,
            ModerationService moderation,
            UserDetailsService users,
            SecurityContextHolderStrategy securityContexts) {
        this.settings = settings;
        this.comments = comments;
        this.moderation = moderation;
        this.runAs = new RunAs(users, securityContexts);
    }

    @Override
    public synchronized void run(ApplicationArguments args) throws IOException {
        var http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.hooksPort()), 16);
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.createContext("/moderate/", this::handle);
        http.start();
        server = http;
        log.info("Bench hooks: moderation on {}", http.getAddress());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!settings.isToken(exchange.getRequestHeaders().getFirst(TOKEN_HEADER))) {
                answer(exchange, 403, "{}");
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, "{}");
                return;
            }
            var moderator = URLDecoder.decode(exchange.getRequestURI().getRawPath().substring("/moderate/".length()), StandardCharsets.UTF_8);
            try {
                answer(exchange, 200, runAs.call(moderator, this::approveOldest));
            } catch (RuntimeException e) {
                log.warn("Bench moderation as {} failed", moderator, e);
                answer(exchange, 500, "{}");
            }
        }
    }

    private String approveOldest() {
        var filter = new ModerationFilter(ModerationQueue.PENDING, "Load comment", null, null, null, null, true);
        var seen = new LinkedHashMap<Long, Long>();
        for (ModerationItem item : comments.queue(filter, PageRequest.of(0, PAGE))) {
            if (item.status() == CommentStatus.PENDING) {
                seen.put(item.id(), item.version());
            }
        }
        var result = seen.isEmpty() ? null : moderation.decide(ModerationVerb.APPROVE, seen, null);
        return String.format(Locale.ROOT, "{\"seen\":%d,\"approved\":%d,\"skipped\":%d}", seen.size(),
                result == null ? 0 : result.applied(), result == null ? 0 : result.problems().size());
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        var body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }
}
