package com.dateline.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real SMTP server (GreenMail) in the test JVM, on a free port, and the application context that sends to it: the
 * test classes that implement this interface and {@code @Import(MutableClock.InPlaceOfTheSystemClock.class)} share one context. Its
 * clock is moved by hand, and no sweep runs on its own ({@code dateline.mail.sweep-interval=0}): a test that wants the
 * outbox swept calls the sweep. It has a database of its own, so no other context's sweep touches its mail.
 */
public interface MailTestServer {

    GreenMail SMTP = Server.started();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> SMTP.getSmtp().getBindTo());
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("dateline.mail.sweep-interval", () -> "0");
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:dateline-mail;DB_CLOSE_DELAY=-1");
    }

    /** Back up for the next test, whatever the last one did to it, and empty. */
    static void serverUpAndEmpty() throws Exception {
        if (!SMTP.isRunning()) {
            SMTP.start();
        }
        SMTP.purgeEmailFromAllMailboxes();
    }

    final class Server {

        private Server() {}

        static GreenMail started() {
            var smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            Runtime.getRuntime().addShutdownHook(new Thread(smtp::stop));
            return smtp;
        }

        private static int freePort() {
            try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
