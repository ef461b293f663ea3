package com.dateline.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;

/** A real embedded Tomcat, as Spring Boot builds it, hands out session ids that end in the node's route. */
class NodeRouteTest {

    @Test
    void session_ids_end_in_the_nodes_route() throws Exception {
        assertThat(sessionCookie(new NodeRoute("a"))).matches("JSESSIONID=[0-9A-F]+\\.a");
    }

    @Test
    void without_a_route_session_ids_have_none() throws Exception {
        assertThat(sessionCookie(new NodeRoute(""))).matches("JSESSIONID=[0-9A-F]+");
    }

    @Test
    void a_route_the_balancer_could_not_cut_from_the_cookie_is_refused() {
        assertThatThrownBy(() -> new NodeRoute("node.1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dateline.node.route");
    }

    private static String sessionCookie(NodeRoute route) throws Exception {
        var factory = new TomcatServletWebServerFactory(0);
        route.customize(factory);
        var server = factory.getWebServer(
                context -> context.addServlet("session", new SessionServlet()).addMapping("/"));
        server.start();
        try (var client = HttpClient.newHttpClient()) {
            var response = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/"))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        } finally {
            server.stop();
        }
    }

    private static final class SessionServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) {
            request.getSession(true);
        }
    }
}
