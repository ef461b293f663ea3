package com.dateline.account;

import com.dateline.base.TypedText;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** What a registration and a display name must pass; every broken rule is reported at once, by field. */
@Component
record AccountRules(AccountRepository accounts, PasswordRules passwordRules, Validator validator) {

    static final String RESERVED_EMAIL = "This address cannot receive mail; use your own address.";

    /**
     * The registration as it is stored, with names and addresses trimmed.
     *
     * @throws AccountRejected with a message per field that broke a rule
     */
    Registration checked(Registration typed) {
        return checked(typed, true);
    }

    /**
     * Like {@link #checked(Registration)}, but silent on whether the address already has an account: for the
     * registration form, which must answer alike either way.
     */
    Registration checkedWithoutTakenAddress(Registration typed) {
        return checked(typed, false);
    }

    private Registration checked(Registration typed, boolean refuseTakenAddress) {
        var registration =
                new Registration(typed.displayName().strip(), typed.email().strip(), typed.password());
        var problems = new LinkedHashMap<String, String>();
        for (var violation : validator.validate(registration)) {
            problems.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
        }
        if (!problems.containsKey("displayName") && TypedText.isBlank(registration.displayName())) {
            problems.put("displayName", "Enter the name to show with your comments.");
        }
        if (!problems.containsKey("displayName")) {
            displayNameProblem(registration.displayName()).ifPresent(problem -> problems.put("displayName", problem));
        }
        if (!problems.containsKey("email")
                && TypedText.unshowable(registration.email(), false).isPresent()) {
            problems.put("email", "Enter a valid e-mail address, like name@example.org.");
        }
        if (!problems.containsKey("email") && isReservedAddress(registration.email())) {
            problems.put("email", RESERVED_EMAIL);
        }
        if (refuseTakenAddress
                && !problems.containsKey("email")
                && accounts.existsByEmailKey(Account.emailKey(registration.email()))) {
            problems.put("email", "An account with this e-mail address already exists. Sign in instead.");
        }
        if (!problems.containsKey("password")) {
            passwordRules
                    .problem(registration.password(), registration.email())
                    .ifPresent(problem -> problems.put("password", problem));
        }
        if (!problems.isEmpty()) {
            throw new AccountRejected(problems);
        }
        return registration;
    }

    /**
     * Addresses in a domain that can never receive mail (RFC 2606 and 6761: {@code .invalid}, {@code .localhost}). The
     * site gives such addresses to deleted accounts ({@code deleted-42@accounts.invalid}) and imported authors
     * ({@code …@import.invalid}); a reader holding one would make deleting account 42 fail on the unique e-mail.
     */
    static boolean isReservedAddress(String email) {
        var at = email.lastIndexOf('@');
        var domain = email.substring(at + 1).strip().toLowerCase(Locale.ROOT);
        while (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        return domain.equals("invalid")
                || domain.endsWith(".invalid")
                || domain.equals("localhost")
                || domain.endsWith(".localhost");
    }

    static Optional<String> displayNameProblem(String displayName) {
        var unshowable = TypedText.problem("Your display name", displayName, false);
        if (unshowable.isPresent()) {
            return unshowable;
        }
        var length = displayName.codePointCount(0, displayName.length());
        if (length < 2 || length > 40) {
            return Optional.of("Your display name must be 2 to 40 characters long.");
        }
        return Optional.empty();
    }
}
