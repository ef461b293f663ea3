package com.dateline.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** dateline.mail.from takes the blog's title as the sender's name, whatever the title holds. */
class SenderAddressTest {

    @Test
    void a_name_with_a_comma_quotes_or_a_line_break_stays_one_name_on_one_line() throws Exception {
        var sender = MailComposer.sender("Baghdad, \"Beirut\"\r\nBcc: victim@example.org <no-reply@example.org>");

        assertThat(sender.getAddress()).isEqualTo("no-reply@example.org");
        assertThat(sender.getPersonal()).isEqualTo("Baghdad, \"Beirut\" Bcc: victim@example.org");
        assertThat(sender.toString()).doesNotContain("\r", "\n");
    }

    @Test
    void the_default_sender_and_a_bare_address_are_taken_as_they_are() {
        assertThat(MailComposer.sender("Babylon & Beyond <no-reply@localhost>").toUnicodeString())
                .isEqualTo("Babylon & Beyond <no-reply@localhost>");
        assertThat(MailComposer.sender("no-reply@example.org").getPersonal()).isNull();
    }

    @Test
    void a_value_that_is_no_address_stops_the_start_with_the_setting_named() {
        assertThatThrownBy(() -> MailComposer.sender("Babylon & Beyond <not an address>"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dateline.mail.from");
    }
}
