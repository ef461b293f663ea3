/** The admins' Outgoing mail page: every mail the site sent or is about to send, and "Retry now". */
@NullMarked
package com.dateline.mail.ui;

import org.jspecify.annotations.NullMarked;
