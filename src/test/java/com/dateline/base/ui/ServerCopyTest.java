package com.dateline.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class ServerCopyTest extends SpringBrowserlessTest {

    @Test
    void asks_the_browser_to_take_over_the_server_copy_and_builds_nothing_itself() {
        var ui = UI.getCurrent();
        var copy = new ServerCopy(ui, ".post-page[data-post='3']", () -> new Span("built on the server"));
        ui.add(copy);

        var invocations = ui.getInternals().dumpPendingJavaScriptInvocations();

        assertThat(copy.getChildren()).isEmpty();
        assertThat(invocations).anySatisfy(invocation -> {
            assertThat(invocation.getInvocation().getExpression()).contains("replaceChildren", "$server.build()");
            assertThat(invocation.getInvocation().getParameters())
                    .contains(MainLayout.STATIC_COPY_ID, ".post-page[data-post='3']");
        });
    }

    @Test
    void builds_the_part_when_the_page_has_no_server_copy_of_it_and_only_once() {
        var ui = UI.getCurrent();
        var copy = new ServerCopy(ui, ".post-page[data-post='3']", () -> new Span("built on the server"));
        ui.add(copy);

        copy.build();
        copy.build();

        assertThat(copy.getChildren()).singleElement()
                .satisfies(child -> assertThat(((Span) child).getText()).isEqualTo("built on the server"));
    }
}
