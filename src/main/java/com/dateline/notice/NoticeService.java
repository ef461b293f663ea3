package com.dateline.notice;

import com.dateline.account.AccountContacts;
import com.dateline.account.AccountContacts.Contact;
import com.dateline.base.TypedText;
import com.dateline.security.CurrentUser;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notices module's public face: a signed-in reader's choice of notices, and the unsubscribe link in every notice,
 * which works without signing in. The mails themselves go out on their own, as the comment and account modules tell
 * what happened.
 */
@Service
public class NoticeService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final NoticePreferenceRepository preferences;
    private final AccountContacts contacts;

    NoticeService(NoticePreferenceRepository preferences, AccountContacts contacts) {
        this.preferences = preferences;
        this.contacts = contacts;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public NoticeChoices mine() {
        return preferences
                .findById(CurrentUser.require().accountId())
                .map(NoticePreference::choices)
                .orElse(NoticeChoices.NONE);
    }

    /** Whether the signed-in reader may turn notices on: only once their address is verified. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public boolean mayChooseMine() {
        return myContact().filter(Contact::verified).isPresent();
    }

    /** Whether the signed-in user works the moderation queue, and so may choose the queue alert. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public boolean mayAlertMe() {
        return myContact().filter(Contact::moderates).isPresent();
    }

    /**
     * Stores the signed-in reader's choices.
     *
     * @throws NoticeRefused when their address is not verified yet, a reader asks for the queue alert, or its limits are
     *     out of range; nothing is stored
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public NoticeChoices saveMine(NoticeChoices choices) {
        var contact = myContact().orElseThrow(() -> new NoticeRefused(Map.of("choices", "Your account is gone.")));
        var problems = new LinkedHashMap<String, String>();
        if (!contact.verified() && !choices.equals(NoticeChoices.NONE.withQueue(choices))) {
            problems.put("choices", "Confirm your e-mail address first: the link is in the mail we sent you.");
        }
        if (choices.queueAlert() && !contact.moderates()) {
            problems.put("choices", "Only moderators can be alerted about the queue.");
        }
        if (choices.queueLongerThan() < 1 || choices.queueLongerThan() > NoticeChoices.MAX_QUEUE_LONGER_THAN) {
            problems.put(
                    "queueLongerThan",
                    "Enter a number of comments from 1 to " + NoticeChoices.MAX_QUEUE_LONGER_THAN + ".");
        }
        if (choices.queueOlderThanMinutes() < 1
                || choices.queueOlderThanMinutes() > NoticeChoices.MAX_QUEUE_OLDER_THAN_MINUTES) {
            problems.put(
                    "queueOlderThanMinutes",
                    "Enter a number of minutes from 1 to " + NoticeChoices.MAX_QUEUE_OLDER_THAN_MINUTES + " (a week).");
        }
        if (!problems.isEmpty()) {
            throw new NoticeRefused(problems);
        }
        var preference = preferences
                .findById(contact.accountId())
                .orElseGet(() -> new NoticePreference(contact.accountId(), newSecret()));
        preference.choose(choices);
        return preferences.save(preference).choices();
    }

    /** What an unsubscribe link stops, e.g. "Replies to my comments"; empty if the link is not one of ours. */
    @Transactional(readOnly = true)
    public Optional<String> unsubscribeTarget(String token) {
        return target(token).map(Target::label);
    }

    /**
     * Stops what the link names; the reader need not be signed in (the link in the mail is the proof). Doing it twice
     * does no harm.
     *
     * @return what it stopped; empty if the link is not one of ours
     */
    @Transactional
    public Optional<String> unsubscribe(String token) {
        var target = target(token);
        target.ifPresent(found -> found.stop().run());
        return target.map(Target::label);
    }

    private record Target(String label, Runnable stop) {}

    private Optional<Target> target(String token) {
        var dot = token.indexOf('.');
        if (dot < 1 || token.length() > 200) {
            return Optional.empty();
        }
        var what = token.substring(0, dot);
        return preferences
                .findByUnsubscribeSecret(TypedText.lookupKey(token.substring(dot + 1)))
                .flatMap(preference -> {
                    if (what.equals(Notices.DIGEST_TOKEN)) {
                        return Optional.of(new Target("The daily digest", preference::turnOffDaily));
                    }
                    return NoticeKind.ofToken(what)
                            .map(kind -> new Target(kind.label(), () -> preference.turnOff(kind)));
                });
    }

    private Optional<Contact> myContact() {
        return contacts.of(CurrentUser.require().accountId());
    }

    private static String newSecret() {
        var bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
