/**
 * Notices: the mails a reader chooses to get when something happens to what they wrote (a reply to their comment, their
 * waiting comment published, or not published with the moderator's words), each at once or in a daily digest, and the
 * mail every reader gets when their account is banned. Moderators may choose an alert when the Pending queue grows
 * too long or too old. This module owns those choices and the unsubscribe link in every notice; it listens to the
 * comment and account modules' events and mails through the mail module's outbox.
 * {@link com.dateline.notice.NoticeService} is the public face; its {@code ui} sub-package adds a section to
 * {@code /account} and serves {@code /unsubscribe}.
 */
@NullMarked
package com.dateline.notice;

import org.jspecify.annotations.NullMarked;
