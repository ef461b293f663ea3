package com.dateline.account;

import com.dateline.security.SignedInUser;
import java.time.Clock;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lets Spring Security find an account by the e-mail typed on the sign-in form, in any letter case. Deleted accounts
 * and the authors of imported comments are refused exactly like an unknown e-mail.
 */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;
    private final Clock clock;

    AccountUserDetailsService(AccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String email) {
        var account = accounts.findByEmailKey(Account.emailKey(email))
                .filter(found -> !found.isDeleted() && !found.isImported())
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
        return new SignedInUser(
                account.id(),
                account.getEmail(),
                account.getDisplayName(),
                account.getPasswordHash(),
                account.getRole(),
                account.isActiveAt(clock.instant()));
    }
}
