/**
 * Readers' e-mail, the sending half: a durable outbox. Another module builds an {@link com.dateline.mail.OutgoingMail}
 * and hands it to {@link com.dateline.mail.MailOutbox#queue} inside the transaction of the change that causes it; the
 * mail is stored with that change and sent after it commits, once, even across a crash or a mail server that is down
 * for a while (it is tried again after a growing delay). It is sent through the standard {@code spring.mail.*} settings
 * from {@code dateline.mail.from}; without {@code spring.mail.host} each mail is written as an .eml file under
 * {@code mail/} in the data folder instead. Its {@code ui} sub-package is the admins' view of the outbox.
 */
@NullMarked
package com.dateline.mail;

import org.jspecify.annotations.NullMarked;
