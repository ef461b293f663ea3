package com.dateline.bench.hooks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The hooks' own HTTP server: {@code POST <prefix><argument>} with the run's token in {@code X-Bench-Token}.
 *
 * <p>It listens on the loopback address on a port of its own ({@code dateline.bench.hooks-port}), not on the site's
 * port, so nothing of it passes through the site's security chain or can be reached from another machine; it starts
 * after the other start-up work, before the site reports itself ready.
 */
@Component
@ConditionalOnProperty("dateline.bench.token")
@Order(10)
class BenchHooks implements ApplicationRunner, AutoCloseable {

    static final String TOKEN_HEADER = "X-Bench-Token";
    private static final Logger log = LoggerFactory.getLogger(BenchHooks.class);

    private final BenchSettings settings;
    private final List<BenchHook> hooks;
    private @Nullable HttpServer server;

    BenchHooks(BenchSettings settings, List<BenchHook> hooks) {
        this.settings = settings;
        this.hooks = hooks;
    }

    @Override
    public synchronized void run(ApplicationArguments args) throws IOException {
        var http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.hooksPort()), 16);
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        for (var hook : hooks) {
            http.createContext(hook.prefix(), exchange -> handle(hook, exchange));
        }
        http.start();
        server = http;
        log.info(
                "Bench hooks on {}: {}",
                http.getAddress(),
                hooks.stream().map(BenchHook::prefix).toList());
    }

    private void handle(BenchHook hook, HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!settings.isToken(exchange.getRequestHeaders().getFirst(TOKEN_HEADER))) {
                answer(exchange, 403, "{}");
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, "{}");
                return;
            }
            var uri = exchange.getRequestURI();
            var argument =
                    URLDecoder.decode(uri.getRawPath().substring(hook.prefix().length()), StandardCharsets.UTF_8);
            try {
                answer(exchange, 200, hook.handle(argument, query(uri.getRawQuery())));
            } catch (IllegalArgumentException e) {
                answer(exchange, 400, "{\"error\":\"" + e.getMessage().replace("\"", "'") + "\"}");
            } catch (Exception e) {
                log.warn("Bench hook {}{} failed", hook.prefix(), argument, e);
                answer(exchange, 500, "{}");
            }
        }
    }

    private static Map<String, String> query(@Nullable String raw) {
        var values = new LinkedHashMap<String, String>();
        if (raw != null) {
            for (var pair : raw.split("&")) {
                var equals = pair.indexOf('=');
                if (equals > 0) {
                    values.put(
                            URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
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
