package com.dateline.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * What a node does with what arrives on the channel: another node's node-wide event is published here, marked as from
 * another node; anything that is not a Dateline node-wide event, and unreadable text, are ignored; a
 * listener that fails does not stop the messages after it.
 */
class NodeMessagesTest {

    private final List<Object> published = new ArrayList<>();
    private final List<Boolean> markedFromElsewhere = new ArrayList<>();
    private final ApplicationEventPublisher publisher = event -> {
        published.add(event);
        markedFromElsewhere.add(NodeMessages.fromAnotherNode());
    };
    private final DataSource unused = new DriverManagerDataSource("jdbc:h2:mem:node-messages");
    private final NodeMessages messages = new NodeMessages(unused, publisher, new ReaderContent(publisher));

    record Probe(long id, String note) implements NodeWide {}

    record NotNodeWide(long id) {}

    private static String message(String node, Class<?> type, String event) {
        return "{\"node\":\"" + node + "\",\"type\":\"" + type.getName() + "\",\"event\":" + event + "}";
    }

    @Test
    void another_nodes_event_is_published_here_as_from_another_node() {
        messages.receive(message("other-node", Probe.class, "{\"id\":7,\"note\":\"Beirut\"}"));

        assertThat(published).containsExactly(new Probe(7, "Beirut"));
        assertThat(markedFromElsewhere).containsExactly(true);
        assertThat(NodeMessages.fromAnotherNode()).isFalse();
    }

    @Test
    void what_is_not_a_dateline_node_wide_event_is_ignored() {
        messages.receive(message("other-node", NotNodeWide.class, "{\"id\":7}"));
        messages.receive(message("other-node", String.class, "\"text\""));
        messages.receive("{\"node\":\"other-node\",\"type\":\"com.dateline.NoSuchEvent\",\"event\":{}}");
        messages.receive("not json at all");
        messages.receive(message("other-node", Probe.class, "{\"id\":\"seven\"}"));

        assertThat(published).isEmpty();
    }

    @Test
    void a_failing_listener_does_not_stop_the_messages_after_it() {
        var failing = new NodeMessages(
                unused,
                event -> {
                    throw new IllegalStateException("a listener broke");
                },
                new ReaderContent(publisher));

        assertThatCode(() -> failing.receive(message("other-node", Probe.class, "{\"id\":1,\"note\":\"x\"}")))
                .doesNotThrowAnyException();
    }
}
