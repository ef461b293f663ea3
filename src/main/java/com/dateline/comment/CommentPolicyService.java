package com.dateline.comment;

import com.dateline.base.ReaderContent;
import com.dateline.security.Roles;
import com.dateline.security.SecurityLog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The moderation policy's settings as moderators read them and the admin changes them. */
@Service
public class CommentPolicyService {

    private final CommentPolicyRepository policies;
    private final ReaderContent readerContent;

    CommentPolicyService(CommentPolicyRepository policies, ReaderContent readerContent) {
        this.policies = policies;
        this.readerContent = readerContent;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.MODERATOR_OR_ADMIN)
    public PolicySettings policy() {
        var policy = policies.current();
        return new PolicySettings(
                policy.isPreModeration(),
                policy.getTrustThreshold(),
                policy.getLinkHoldThreshold(),
                policy.getMinSecondsBetween(),
                policy.getMaxPerDay(),
                policy.getAutoCloseDays(),
                policy.bannedWords(),
                policy.suspectWords());
    }

    /**
     * Changes the policy; it applies to the next comment written.
     *
     * @throws PolicyRejected with a message per field that is out of range
     */
    @Transactional
    @PreAuthorize(Roles.ADMIN_ONLY)
    public PolicySettings updatePolicy(PolicySettings settings) {
        var problems = new LinkedHashMap<String, String>();
        range(problems, "trustThreshold", settings.trustThreshold(), 1, 1000);
        range(problems, "linkHoldThreshold", settings.linkHoldThreshold(), 1, 100);
        range(problems, "minSecondsBetween", settings.minSecondsBetween(), 0, 3600);
        range(problems, "maxPerDay", settings.maxPerDay(), 1, 10_000);
        if (settings.autoCloseDays() != null) {
            range(problems, "autoCloseDays", settings.autoCloseDays(), 1, 36_500);
        }
        words(problems, "bannedWords", settings.bannedWords());
        words(problems, "suspectWords", settings.suspectWords());
        if (!problems.isEmpty()) {
            throw new PolicyRejected(problems);
        }
        var policy = policies.current();
        policy.setPreModeration(settings.preModeration());
        policy.setLimits(
                settings.trustThreshold(),
                settings.linkHoldThreshold(),
                settings.minSecondsBetween(),
                settings.maxPerDay());
        policy.setAutoCloseDays(settings.autoCloseDays());
        policy.setWords(joined(settings.bannedWords()), joined(settings.suspectWords()));
        // Closing by age can change for every discussion.
        readerContent.changed();
        SecurityLog.event("comment-policy-changed");
        return policy();
    }

    private static void range(Map<String, String> problems, String field, int value, int min, int max) {
        if (value < min || value > max) {
            problems.put(field, "Enter a whole number from %,d to %,d.".formatted(min, max));
        }
    }

    private static void words(Map<String, String> problems, String field, List<String> words) {
        var total = words.stream().mapToInt(word -> word.strip().length() + 1).sum();
        if (total > 10_000) {
            problems.put(field, "The list is too long; keep it under 10,000 characters.");
        } else if (words.stream().anyMatch(word -> word.strip().length() > 100)) {
            problems.put(field, "Each entry can be at most 100 characters.");
        }
    }

    private static String joined(List<String> words) {
        return String.join(
                "\n",
                words.stream()
                        .map(String::strip)
                        .filter(word -> !word.isEmpty())
                        .distinct()
                        .toList());
    }
}
