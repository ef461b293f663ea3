package com.dateline.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The principal of a signed-in session: the account's e-mail as user name, plus its id and
 * public display name. Equal by user name, which is what lets a ban find its open sessions.
 */
public class SignedInUser extends User {

    private final long accountId;
    private final String displayName;
    private final String role;

    public SignedInUser(
            long accountId, String email, String displayName, String passwordHash, String role, boolean enabled) {
        super(email, passwordHash, enabled, true, true, true, authorities(role));
        this.accountId = accountId;
        this.displayName = displayName;
        this.role = role;
    }

    /** The same signed-in identity under a new display name (the password hash is not kept). */
    public SignedInUser withDisplayName(String newDisplayName) {
        return new SignedInUser(accountId, getUsername(), newDisplayName, "", role, isEnabled());
    }

    public String role() {
        return role;
    }

    public long accountId() {
        return accountId;
    }

    public String displayName() {
        return displayName;
    }

    private static Collection<GrantedAuthority> authorities(String role) {
        return Roles.heldBy(role).stream()
                .<GrantedAuthority>map(held -> new SimpleGrantedAuthority("ROLE_" + held))
                .toList();
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
