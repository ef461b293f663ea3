package com.dateline.base;

import java.util.regex.Pattern;
import org.apache.catalina.Engine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * This node's route name, {@code dateline.node.route}, at the end of every session id it gives out
 * ({@code JSESSIONID=…​.a}), so that a balancer in front of several nodes (ops/nginx/dateline.conf) sends a signed-in
 * user's requests back to the node that holds the session. Tomcat 11 no longer reads the {@code jvmRoute} system
 * property that older versions took it from, so the engine is told here. Without the property, ids carry no route.
 */
@Component
class NodeRoute implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    // The route is cut from the cookie at its last dot and matched by the balancer's configuration.
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

    private final String route;

    NodeRoute(@Value("${dateline.node.route:}") String route) {
        if (!route.isEmpty() && !NAME.matcher(route).matches()) {
            throw new IllegalArgumentException(
                    "dateline.node.route must be letters, digits, '-' or '_' only, not \"" + route + "\"");
        }
        this.route = route;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (route.isEmpty()) {
            return;
        }
        // The context sits in the host, the host in the engine; the session manager reads the route when it starts.
        factory.addContextCustomizers(context -> ((Engine) context.getParent().getParent()).setJvmRoute(route));
    }
}
