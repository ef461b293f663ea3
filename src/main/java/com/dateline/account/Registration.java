package com.dateline.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a new reader types on the registration form. The messages live in
 * ValidationMessages.properties. Lengths of the name and the password are checked by the
 * service in characters as readers count them (code points), which {@code @Size} cannot do.
 */
public record Registration(
        @NotBlank(message = "{account.displayName.required}") String displayName,

        @NotBlank(message = "{account.email.required}") @Email(message = "{account.email.invalid}") @Size(max = 254, message = "{account.email.invalid}") String email,

        @NotBlank(message = "{account.password.required}") String password) {}
