package com.dateline.security;

import java.util.List;
import java.util.Set;

/** The four roles, named once. An ADMIN holds every role; MODERATOR and EDITOR include READER. */
public final class Roles {

    public static final String READER = "READER";
    public static final String MODERATOR = "MODERATOR";
    public static final String EDITOR = "EDITOR";
    public static final String ADMIN = "ADMIN";

    public static final List<String> ALL = List.of(READER, MODERATOR, EDITOR, ADMIN);

    /** Method-security rule for service methods that moderators (and admins) may call. */
    public static final String MODERATOR_OR_ADMIN = "hasAnyRole('MODERATOR', 'ADMIN')";

    /** Method-security rule for service methods that editors (and admins) may call. */
    public static final String EDITOR_OR_ADMIN = "hasAnyRole('EDITOR', 'ADMIN')";

    /** Method-security rule for service methods only admins may call. */
    public static final String ADMIN_ONLY = "hasRole('ADMIN')";

    private Roles() {}

    /** The roles an account with {@code role} holds, itself included. */
    public static Set<String> heldBy(String role) {
        return switch (role) {
            case ADMIN -> Set.of(ADMIN, MODERATOR, EDITOR, READER);
            case MODERATOR -> Set.of(MODERATOR, READER);
            case EDITOR -> Set.of(EDITOR, READER);
            case READER -> Set.of(READER);
            default -> throw new IllegalArgumentException("Unknown role " + role);
        };
    }
}
