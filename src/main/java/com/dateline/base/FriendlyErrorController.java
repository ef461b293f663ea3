package com.dateline.base;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * The error page of everything that is not a Vaadin page (photos, the feed, the sign-in form's POST, actuator):
 * plain HTML that says what happened in a sentence, never a stack trace or an exception's message. A server failure
 * carries a reference that the log line with the stack trace carries too. Replaces Spring Boot's "Whitelabel" page.
 */
@Controller
record FriendlyErrorController(ErrorAttributes errors, BlogProperties blog) implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<String> error(HttpServletRequest request) {
        var status = status(request);
        String heading;
        String text;
        if (status.is5xxServerError()) {
            var failure = errors.getError(new ServletWebRequest(request));
            var where = "request for " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) + " (status "
                    + status.value() + ")";
            var reference = UnexpectedErrors.report(
                    where, failure != null ? failure : new IllegalStateException("No exception given"));
            heading = "Something went wrong";
            text = UnexpectedErrors.message(reference);
        } else if (status == HttpStatus.NOT_FOUND) {
            heading = "Page not found";
            text = "There is no page at this address. It may have moved, or the link may be mistyped.";
        } else if (status == HttpStatus.FORBIDDEN || status == HttpStatus.UNAUTHORIZED) {
            heading = "Access denied";
            text = "You do not have permission to open this page.";
        } else {
            heading = PlainPages.BAD_REQUEST_HEADING;
            text = PlainPages.BAD_REQUEST_TEXT;
        }
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .body(page(heading, text));
    }

    private static HttpStatus status(HttpServletRequest request) {
        var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        var status = code instanceof Integer number ? HttpStatus.resolve(number) : null;
        return status == null || !status.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private String page(String heading, String text) {
        return PlainPages.page(blog.title(), heading, text);
    }
}
