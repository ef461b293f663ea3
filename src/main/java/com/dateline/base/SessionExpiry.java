package com.dateline.base;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.session.ManagerBase;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat looks for expired sessions every 10 s instead of every minute, so a closed reader's tab frees its memory
 * within seconds of its grace period (see ClosedTabSessions).
 */
@Component
class SessionExpiry implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.AFTER_START_EVENT.equals(event.getType())
                    && context.getManager() instanceof ManagerBase manager) {
                manager.setProcessExpiresFrequency(1);
            }
        }));
    }
}
