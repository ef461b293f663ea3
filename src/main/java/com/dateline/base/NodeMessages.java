package com.dateline.base;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Carries {@link NodeWide} events between the nodes that share one PostgreSQL, with {@code LISTEN}/{@code NOTIFY}:
 * the database every node already talks to is the message bus, so running several nodes needs nothing more than
 * running one. A notification is sent after the change commits and is delivered to every listening node, this one
 * too (which skips its own). Notifications are not stored: a node that was not listening missed them, so after its
 * listening connection comes back it treats everything readers see as changed. On H2 the site is one node and this
 * does nothing.
 *
 * <p>Sending happens on a thread of its own, on a connection of its own: a request never waits for it, and a
 * {@code NOTIFY} sent on the connection of a transaction that has just committed would open another one that nobody
 * commits.
 */
@Component
class NodeMessages implements SmartLifecycle {

    static final String CHANNEL = "dateline_changes";

    private static final Logger log = LoggerFactory.getLogger(NodeMessages.class);
    private static final ScopedValue<Boolean> FROM_ANOTHER_NODE = ScopedValue.newInstance();
    // How long a wait for a notification or an event to send lasts, and so how long a stopping node waits for them.
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);
    // PostgreSQL refuses a payload of 8,000 bytes or more; the events are a few ids.
    private static final int MAX_PAYLOAD = 7_900;

    private final DataSource dataSource;
    private final ApplicationEventPublisher publisher;
    private final ReaderContent readerContent;
    private final JsonMapper json = JsonMapper.builder().build();
    private final String node = UUID.randomUUID().toString();
    private final BlockingQueue<String> outgoing = new LinkedBlockingQueue<>(10_000);
    private volatile boolean running;
    private volatile boolean postgres;
    private @Nullable Thread sender;

    NodeMessages(DataSource dataSource, ApplicationEventPublisher publisher, ReaderContent readerContent) {
        this.dataSource = dataSource;
        this.publisher = publisher;
        this.readerContent = readerContent;
    }

    /** Whether the event being handled came from another node, so it is not sent on again. */
    static boolean fromAnotherNode() {
        return FROM_ANOTHER_NODE.isBound();
    }

    @EventListener
    void on(NodeWide event) {
        if (!postgres || fromAnotherNode()) {
            return;
        }
        var message = json.createObjectNode()
                .put("node", node)
                .put("type", event.getClass().getName())
                .set("event", json.valueToTree(event))
                .toString();
        if (message.length() > MAX_PAYLOAD) {
            log.warn("A {} is too long to tell the other nodes; they show it at their next change", event.getClass());
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send(message);
                }
            });
        } else {
            send(message);
        }
    }

    private void send(String message) {
        if (!outgoing.offer(message)) {
            log.warn("The other nodes are not being told of changes fast enough; one is dropped");
        }
    }

    /** Hands one notification from the channel to this node's listeners, if it is another node's and one we know. */
    void receive(String payload) {
        JsonNode message;
        Class<?> type;
        try {
            message = json.readTree(payload);
            if (node.equals(message.path("node").asString())) {
                return;
            }
            type = Class.forName(message.path("type").asString(), false, NodeMessages.class.getClassLoader());
        } catch (RuntimeException | ClassNotFoundException unreadable) {
            log.warn("Ignored a message on {} that is not a Dateline event: {}", CHANNEL, unreadable.toString());
            return;
        }
        // Anyone who may NOTIFY on the database could send this: only our own event records are made from it.
        if (!NodeWide.class.isAssignableFrom(type) || !type.getName().startsWith("com.dateline.")) {
            log.warn("Ignored a message on {} naming {}, which is not a node-wide event", CHANNEL, type.getName());
            return;
        }
        Object event;
        try {
            event = json.treeToValue(message.path("event"), type);
        } catch (RuntimeException unreadable) {
            log.warn(
                    "Ignored a {} from another node that could not be read: {}", type.getName(), unreadable.toString());
            return;
        }
        try {
            deliver(() -> publisher.publishEvent(event));
        } catch (RuntimeException failed) {
            // One listener's failure is this node's to log; the connection and the messages after it carry on.
            log.error("A listener failed on a {} from another node", type.getName(), failed);
        }
    }

    private static void deliver(Runnable delivery) {
        ScopedValue.where(FROM_ANOTHER_NODE, true).run(delivery);
    }

    @Override
    public void start() {
        try (var connection = dataSource.getConnection()) {
            postgres = connection.isWrapperFor(PGConnection.class);
        } catch (SQLException unreachable) {
            throw new IllegalStateException("The database cannot be reached", unreachable);
        }
        running = true;
        if (postgres) {
            Thread.ofPlatform().daemon().name("node-messages-in").start(this::listen);
            sender = Thread.ofPlatform().daemon().name("node-messages-out").start(this::sendAll);
        }
    }

    private void listen() {
        var retry = Duration.ofSeconds(1);
        var missed = false;
        while (running) {
            try (var connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (var statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                if (missed) {
                    log.info("Listening to the other nodes again; what readers see is drawn afresh");
                    deliver(readerContent::changed);
                }
                retry = Duration.ofSeconds(1);
                var notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    var arrived = notifications.getNotifications((int) POLL.toMillis());
                    if (arrived != null) {
                        for (var notification : arrived) {
                            receive(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException failed) {
                if (!running) {
                    return;
                }
                missed = true;
                log.warn("Lost the connection that hears the other nodes; trying again in {}", retry, failed);
                if (!pause(retry)) {
                    return;
                }
                retry = retry.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : retry.multipliedBy(2);
            }
        }
    }

    private void sendAll() {
        while (running || !outgoing.isEmpty()) {
            String first;
            try {
                first = outgoing.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
                return;
            }
            if (first == null) {
                continue;
            }
            try (var connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                notify(connection, first);
                for (var next = outgoing.poll(); next != null; next = outgoing.poll()) {
                    notify(connection, next);
                }
            } catch (SQLException failed) {
                log.warn("Could not tell the other nodes of a change; they show it at their next change", failed);
            }
        }
    }

    private static void notify(Connection connection, String message) throws SQLException {
        try (var statement = connection.prepareStatement("select pg_notify(?, ?)")) {
            statement.setString(1, CHANNEL);
            statement.setString(2, message);
            statement.execute();
        }
    }

    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration);
            return true;
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The changes made before stopping are still told; the listener ends at its next wait. */
    @Override
    public void stop() {
        running = false;
        var sending = sender;
        if (sending != null) {
            try {
                sending.join(POLL.multipliedBy(2));
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
