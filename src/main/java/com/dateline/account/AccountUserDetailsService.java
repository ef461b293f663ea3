package com.dateline.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Lets Spring Security find who signs in with the e-mail typed on the sign-in form. */
@Service
record AccountUserDetailsService(AccountService accounts) implements UserDetailsService {

    @Override
    public UserDetails loadUserByUsername(String email) {
        return accounts.signInIdentity(email).orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }
}
