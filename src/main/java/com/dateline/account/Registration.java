package com.dateline.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a new reader types on the registration form. The messages live in ValidationMessages.properties. */
public record Registration(
        @NotBlank(message = "{account.displayName.required}")
                @Size(min = 2, max = 40, message = "{account.displayName.size}")
                String displayName,
        @NotBlank(message = "{account.email.required}") @Email(message = "{account.email.invalid}") @Size(max = 254, message = "{account.email.invalid}")
                String email,
        @NotBlank(message = "{account.password.required}")
                @Size(min = 12, max = 200, message = "{account.password.size}")
                String password) {}
