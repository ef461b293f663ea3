package com.dateline.notice.ui;

import com.dateline.notice.NoticeService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * RFC 8058's one-click unsubscribe: a mail program posts {@code List-Unsubscribe=One-Click} to the link in the
 * {@code List-Unsubscribe} header, with no cookie and no CSRF token (the link's token is the proof; the security
 * configuration exempts this one path). A router function rather than a controller: it answers POST only, and leaves
 * GET of the same path to the page a reader opens ({@link UnsubscribeView}).
 */
@Configuration(proxyBeanMethods = false)
class OneClickUnsubscribe {

    @Bean
    RouterFunction<ServerResponse> unsubscribeRoute(NoticeService notices) {
        return RouterFunctions.route(RequestPredicates.POST("/unsubscribe"), request -> {
            var token = request.param("token").orElse("");
            return notices.unsubscribe(token)
                    .map(what -> ServerResponse.ok()
                            .contentType(MediaType.TEXT_PLAIN)
                            .body("Unsubscribed: " + what + "\n"))
                    .orElseGet(() -> ServerResponse.notFound().build());
        });
    }
}
