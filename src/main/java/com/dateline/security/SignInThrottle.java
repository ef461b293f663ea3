package com.dateline.security;

import com.dateline.base.BucketTable;
import com.dateline.base.ClockTimeMeter;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.BucketExceptions.BucketExecutionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing without locking anyone out (OWASP's authentication guidance: throttle, do not lock). Failures
 * are counted per pair of e-mail and client address: five are free, then each attempt of that pair waits, 1 minute
 * after the next failure, then 2, 4, 8, and at most 15; a success ends the waits. Someone guessing a moderator's
 * password from their own machine therefore slows only themselves, and the moderator signing in from anywhere else is
 * never kept waiting. Each client address also has a budget of failures across all e-mails (20, refilled over
 * 15 minutes, with Bucket4j), so one machine cannot try a common password on thousands of accounts. Counts are kept
 * whether or not the e-mail has an account, so the answer never tells which ones do. Both are kept in the database
 * (tables {@code sign_in_failure} and {@code sign_in_bucket}), so guesses spread over the nodes behind a load balancer
 * count together; rows nobody has failed with for a while are deleted, so the tables stay small.
 *
 * <p>When the database cannot say (it is down, or does not answer within {@link BucketTable#TIMEOUT}), this node answers
 * from a budget of its own, {@link #WHILE_UNAVAILABLE} go-aheads a minute for all e-mails and addresses together, and
 * counts nothing. Refusing every attempt would lock everyone out for as long as the database is unwell; letting
 * every attempt through would let a guesser try passwords unslowed whenever only these tables fail. While the whole
 * database is down no password can be checked at all, since the accounts live there too.
 */
@Component
public class SignInThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration FIRST_WAIT = Duration.ofMinutes(1);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    /** A pair that has not failed for this long starts afresh with its free failures. */
    static final Duration FORGET_AFTER = Duration.ofHours(1);

    static final int FAILURES_PER_ADDRESS = 20;
    static final Duration ADDRESS_REFILL = Duration.ofMinutes(15);

    static final int WHILE_UNAVAILABLE = 30;

    private static final int MAX_ADDRESS = 100;
    private static final Supplier<BucketConfiguration> ADDRESS_BUDGET = () -> BucketConfiguration.builder()
            .addLimit(limit -> limit.capacity(FAILURES_PER_ADDRESS).refillGreedy(FAILURES_PER_ADDRESS, ADDRESS_REFILL))
            .build();

    private final Clock clock;
    private final SignInFailures pairs;
    private final BucketTable addresses;
    private final Bucket whileUnavailable;

    SignInThrottle(Clock clock, DataSource dataSource) {
        this.clock = clock;
        this.pairs = new SignInFailures(dataSource, FORGET_AFTER, FORGET_AFTER.plus(LONGEST_WAIT));
        this.addresses = new BucketTable(dataSource, clock, "sign_in_bucket");
        this.whileUnavailable = Bucket.builder()
                .addLimit(limit ->
                        limit.capacity(WHILE_UNAVAILABLE).refillGreedy(WHILE_UNAVAILABLE, Duration.ofMinutes(1)))
                .withCustomTimePrecision(new ClockTimeMeter(clock))
                .build();
    }

    /** How long an attempt for this e-mail from this address must wait before its password is even checked; zero when it may go ahead. */
    public Duration waitBefore(String email, String address) {
        try {
            var pairWait = waitAt(pairs.count(key(email), bounded(address)), clock.instant());
            var bucket = addressBudget(address);
            var addressWait = bucket.getAvailableTokens() > 0
                    ? Duration.ZERO
                    : Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
            return pairWait.compareTo(addressWait) >= 0 ? pairWait : addressWait;
        } catch (DataAccessException | BucketExecutionException e) {
            unavailable(e);
            var probe = whileUnavailable.tryConsumeAndReturnRemaining(1);
            return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
        }
    }

    /** Whether the address has spent its failure budget (as opposed to one e-mail's free failures from it). */
    boolean addressExhausted(String address) {
        try {
            return addressBudget(address).getAvailableTokens() == 0;
        } catch (DataAccessException | BucketExecutionException e) {
            return false;
        }
    }

    public void recordFailure(String email, String address) {
        try {
            pairs.add(key(email), bounded(address), clock.instant());
            addressBudget(address).tryConsume(1);
        } catch (DataAccessException | BucketExecutionException e) {
            // Not counted: waitBefore already took this attempt from the node's own budget.
            unavailable(e);
        }
    }

    public void recordSuccess(String email, String address) {
        try {
            pairs.clear(key(email), bounded(address));
        } catch (DataAccessException e) {
            unavailable(e);
        }
    }

    private static void unavailable(RuntimeException e) {
        SecurityLog.warning(
                "sign-in-throttle-unavailable", "error", e.getClass().getSimpleName());
    }

    private Bucket addressBudget(String address) {
        return addresses.bucket("failures:" + bounded(address), ADDRESS_BUDGET);
    }

    private static Duration waitAt(SignInFailures.Count pair, Instant now) {
        if (pair.failures() < FREE_FAILURES
                || Duration.between(pair.lastFailedAt(), now).compareTo(FORGET_AFTER) > 0) {
            return Duration.ZERO;
        }
        var doublings = Math.min(pair.failures() - FREE_FAILURES, 4);
        var wait = FIRST_WAIT.multipliedBy(1L << doublings);
        var until = pair.lastFailedAt().plus(wait.compareTo(LONGEST_WAIT) < 0 ? wait : LONGEST_WAIT);
        return now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO;
    }

    // Bounded, so that a megabyte typed into the e-mail field costs the table no more than a real address does.
    private static String key(String email) {
        var key = email.strip().toLowerCase(Locale.ROOT);
        return key.length() > 256 ? key.substring(0, 256) : key;
    }

    private static String bounded(String address) {
        return address.length() > MAX_ADDRESS ? address.substring(0, MAX_ADDRESS) : address;
    }
}
