package com.dateline.account;

import org.springframework.security.access.AccessDeniedException;

/** A moderator tried to ban, unban or trust a staff account (moderator, editor or admin); only an admin may. */
public class StaffAccountProtected extends AccessDeniedException {

    public static final String MESSAGE =
            "This is a staff account (moderator, editor or admin): only an admin can ban," + " unban or trust it.";

    public StaffAccountProtected() {
        super(MESSAGE);
    }
}
