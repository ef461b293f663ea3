package com.dateline.account;

import com.dateline.base.PublicLinks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Makes and checks the tokens of e-mailed links: 32 random bytes, base64url, of which only the SHA-256 is stored and
 * looked up, so the token is compared by its hash and a copy of the database opens nothing.
 */
@Component
class AccountTokens {

    static final Duration VERIFY_EMAIL_LIFETIME = Duration.ofHours(24);
    static final Duration CHANGE_EMAIL_LIFETIME = Duration.ofHours(24);
    static final Duration RESET_PASSWORD_LIFETIME = Duration.ofHours(1);

    /**
     * A token just made: its id (for the mail side to dedupe), the token itself, the absolute link that carries it (for
     * the mail, and nowhere else), its expiry.
     */
    record Issued(UUID id, String token, String link, Instant expiresAt) {}

    private final AccountTokenRepository tokens;
    private final PublicLinks links;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AccountTokens(AccountTokenRepository tokens, PublicLinks links, Clock clock) {
        this.tokens = tokens;
        this.links = links;
        this.clock = clock;
    }

    Issued issue(long accountId, AccountToken.Purpose purpose, @Nullable String newEmail) {
        var bytes = new byte[32];
        random.nextBytes(bytes);
        var token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var now = clock.instant();
        var stored = tokens.save(
                new AccountToken(accountId, purpose, hash(token), newEmail, now, now.plus(lifetime(purpose))));
        return new Issued(stored.id(), token, links.withToken(route(purpose), token), stored.expiresAt());
    }

    /**
     * The stored token of a link that may still be used, without using it: for a page that asks something first.
     *
     * @throws LinkRefused when the token is unknown (or of another purpose), used or expired
     */
    AccountToken usable(@Nullable String token, AccountToken.Purpose purpose) {
        var found = token == null || token.isBlank()
                ? null
                : tokens.findByTokenHash(hash(token.strip()))
                        .filter(stored -> stored.purpose() == purpose)
                        .orElse(null);
        if (found == null) {
            throw new LinkRefused(
                    LinkRefused.Reason.UNKNOWN,
                    "This link is not valid. Check that you opened the whole link from the e-mail, or ask for a new"
                            + " one.");
        }
        if (found.isUsed()) {
            throw new LinkRefused(
                    LinkRefused.Reason.USED,
                    "This link has been used already; each link works once. Ask for a new one.");
        }
        if (found.isExpiredAt(clock.instant())) {
            throw new LinkRefused(LinkRefused.Reason.EXPIRED, "This link has expired. Ask for a new one.");
        }
        return found;
    }

    /**
     * Uses the link's token: it is marked used in the caller's transaction, the one that acts on it, so a second use is
     * refused.
     *
     * @throws LinkRefused when the token is unknown (or of another purpose), used or expired
     */
    AccountToken use(@Nullable String token, AccountToken.Purpose purpose) {
        var found = usable(token, purpose);
        found.use(clock.instant());
        return found;
    }

    /** The page a link of this purpose opens. */
    private static String route(AccountToken.Purpose purpose) {
        return switch (purpose) {
            case VERIFY_EMAIL -> AccountRoutes.VERIFY_EMAIL;
            case CHANGE_EMAIL -> AccountRoutes.CONFIRM_EMAIL;
            case RESET_PASSWORD -> AccountRoutes.RESET_PASSWORD;
        };
    }

    private static Duration lifetime(AccountToken.Purpose purpose) {
        return switch (purpose) {
            case VERIFY_EMAIL -> VERIFY_EMAIL_LIFETIME;
            case CHANGE_EMAIL -> CHANGE_EMAIL_LIFETIME;
            case RESET_PASSWORD -> RESET_PASSWORD_LIFETIME;
        };
    }

    static String hash(String token) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
