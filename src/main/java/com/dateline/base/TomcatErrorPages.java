package com.dateline.base;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before the application sees them (an address with {@code %zz} or an encoded NUL, a header
 * too large) get the blog's plain error page instead of Tomcat's "HTTP Status 400 – Bad Request". Tomcat reads such
 * pages from files, so they are written to a temporary folder at start-up.
 */
@Component
class TomcatErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final BlogProperties blog;

    TomcatErrorPages(BlogProperties blog) {
        this.blog = blog;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        var badRequest =
                write(PlainPages.page(blog.title(), PlainPages.BAD_REQUEST_HEADING, PlainPages.BAD_REQUEST_TEXT));
        var unavailable = write(PlainPages.page(
                blog.title(),
                "The site is not available right now",
                "It may be restarting. Please try again in a minute."));
        // The host's error report valve exists once the host has started, which is before its context starts.
        factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.AFTER_START_EVENT.equals(event.getType()) && context.getParent() != null) {
                for (var valve : context.getParent().getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve report) {
                        report.setProperty("errorCode.0", badRequest.toString());
                        report.setProperty("errorCode.500", unavailable.toString());
                        report.setProperty("errorCode.503", unavailable.toString());
                    }
                }
            }
        }));
    }

    private static Path write(String html) {
        try {
            var file = Files.createTempFile("dateline-error-", ".html");
            file.toFile().deleteOnExit();
            return Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
