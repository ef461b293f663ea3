package com.dateline.moderation;

import com.dateline.base.TypedText;
import com.dateline.comment.CommentRecord;
import com.dateline.comment.CommentRecords;
import com.dateline.comment.CommentStatus;
import com.dateline.comment.Decision;
import com.dateline.security.CurrentUser;
import com.dateline.security.Roles;
import com.dateline.security.SecurityLog;
import com.dateline.security.SignedInUser;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moderators' decisions, each stored in the history with who, when, what and why. A decision
 * names the version of the comment the moderator saw; if someone got there first, the
 * moderator is told who and nothing is overwritten.
 */
@Service
@PreAuthorize(Roles.MODERATOR_OR_ADMIN)
public class ModerationService {

    /** The dashboard's reason field allows as much; the service does not trust it to. */
    public static final int MAX_REASON_LENGTH = 300;

    static final Duration UNDO_WINDOW = Duration.ofMinutes(5);
    static final Duration CLAIM_TIME = Duration.ofMinutes(2);
    static final int RACE_ATTEMPTS = 3;

    private final CommentRecords comments;
    private final ModerationActionRepository history;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final ModerationClaims claims;

    ModerationService(
            CommentRecords comments,
            ModerationActionRepository history,
            Clock clock,
            TransactionTemplate transaction,
            ModerationClaims claims) {
        this.comments = comments;
        this.history = history;
        this.clock = clock;
        this.transaction = transaction;
        this.claims = claims;
    }

    /**
     * Decides on each comment, given the version the moderator saw of it. Comments someone else
     * changed meanwhile are skipped and reported; the others are decided and recorded.
     */
    public BulkResult decide(ModerationVerb verb, Map<Long, Long> seenVersions, @Nullable String reason) {
        // Two moderators deciding on the same comment at the same moment: the later commit finds the row changed
        // and its whole transaction is rolled back. Trying again reads the new versions, so the raced comments are
        // reported as decided by someone else and the rest of this moderator's selection is still applied.
        for (var attempt = 1; ; attempt++) {
            try {
                var result =
                        Objects.requireNonNull(transaction.execute(status -> decideOnce(verb, seenVersions, reason)));
                // Logged once it is committed (or joined the caller's transaction), not for an attempt rolled back.
                SecurityLog.event(
                        "moderation",
                        "action",
                        verb,
                        "applied",
                        result.applied(),
                        "skipped",
                        result.problems().size(),
                        "comments",
                        ids(seenVersions.keySet()));
                return result;
            } catch (ConcurrencyFailureException raced) {
                if (attempt == RACE_ATTEMPTS) {
                    throw raced;
                }
                LoggerFactory.getLogger(ModerationService.class)
                        .info(
                                "Moderation: raced with another moderator, trying again ({} of {})",
                                attempt + 1,
                                RACE_ATTEMPTS);
            }
        }
    }

    private BulkResult decideOnce(ModerationVerb verb, Map<Long, Long> seenVersions, @Nullable String reason) {
        if (verb == ModerationVerb.UNDO) {
            throw new IllegalArgumentException("Use undo()");
        }
        var refused = reasonProblem(reason);
        if (refused.isPresent()) {
            throw new ReasonRefused(refused.get());
        }
        var moderator = CurrentUser.require();
        var now = clock.instant();
        var applied = 0;
        var problems = new ArrayList<String>();
        var actionIds = new ArrayList<Long>();
        var decided = new ArrayList<Long>();
        for (var seen : seenVersions.entrySet()) {
            try {
                var verdict = decideOne(moderator, seen.getKey(), seen.getValue(), verb, reason);
                var action = history.save(new ModerationAction(
                        seen.getKey(),
                        moderator,
                        verb,
                        verdict,
                        reason == null || TypedText.isBlank(reason) ? null : reason.strip(),
                        null,
                        now));
                actionIds.add(Objects.requireNonNull(action.getId()));
                decided.add(seen.getKey());
                applied++;
            } catch (ModerationConflict conflict) {
                problems.add("Comment " + seen.getKey() + ": " + conflict.getMessage());
            }
        }
        claims.clear(decided);
        return new BulkResult(applied, problems, actionIds);
    }

    /**
     * Applies one decision if the comment is still as the moderator saw it.
     *
     * @throws ModerationConflict when another moderator (or the author) changed it meanwhile
     */
    private Verdict decideOne(
            SignedInUser moderator,
            long commentId,
            long expectedVersion,
            ModerationVerb verb,
            @Nullable String reason) {
        var comment =
                comments.find(commentId).orElseThrow(() -> new ModerationConflict("This comment no longer exists."));
        if (comment.version() != expectedVersion || comment.status() == CommentStatus.DELETED) {
            throw new ModerationConflict(conflictMessage(comment));
        }
        var newStatus = verb == ModerationVerb.APPROVE ? CommentStatus.PUBLISHED : CommentStatus.REJECTED;
        var spam = verb == ModerationVerb.SPAM;
        // Approving a published comment that readers reported is a real decision: it clears the reports.
        if (comment.status() == newStatus && comment.spam() == spam && comment.openReports() == 0) {
            throw new ModerationConflict(conflictMessage(comment));
        }
        var hasReason = reason != null && !TypedText.isBlank(reason);
        var decision = new Decision(
                newStatus,
                verb.pastTense() + " by " + moderator.displayName() + (hasReason ? ": " + reason.strip() : ""),
                hasReason && newStatus == CommentStatus.REJECTED ? reason.strip() : null);
        return apply(comment, decision, spam, 0);
    }

    private Verdict apply(CommentRecord seen, Decision decision, boolean spam, int openReports) {
        var before = comments.apply(seen.id(), seen.version(), decision, spam, openReports)
                .orElseThrow(() -> new ModerationConflict(comments.find(seen.id())
                        .map(ModerationService::conflictMessage)
                        .orElse("This comment no longer exists.")));
        return new Verdict(before.status(), decision.status(), before.openReports());
    }

    private static String conflictMessage(CommentRecord comment) {
        var reason = comment.statusReason();
        return switch (comment.status()) {
            case PUBLISHED ->
                reason.startsWith("Approved by")
                        ? "Already " + lowerFirst(reason) + "."
                        : "Already published (" + reason + ").";
            case REJECTED ->
                reason.startsWith("Rejected by") || reason.startsWith("Marked as spam by")
                        ? "Already " + lowerFirst(reason) + "."
                        : "Already rejected (" + reason + ").";
            case DELETED -> "Its author deleted it meanwhile.";
            case PENDING -> "It changed meanwhile (edited by its author, or returned to pending). Please look again.";
        };
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    /** Why a reason for the author cannot be stored, if it cannot; the dialog asks before it closes. */
    public static Optional<String> reasonProblem(@Nullable String reason) {
        if (reason == null) {
            return Optional.empty();
        }
        var length = reason.strip().codePointCount(0, reason.strip().length());
        if (length > MAX_REASON_LENGTH) {
            return Optional.of(String.format(
                    Locale.ROOT,
                    "A reason can be at most %d characters; this one has %,d.",
                    MAX_REASON_LENGTH,
                    length));
        }
        return TypedText.problem("The reason", reason, true);
    }

    /** Decides on comments at their current versions, for a selection whose versions were not kept. */
    public BulkResult decideCurrent(ModerationVerb verb, Collection<Long> commentIds, @Nullable String reason) {
        return decide(verb, comments.versions(commentIds), reason);
    }

    /** Undoes one's own action within five minutes: the comment goes back to its status before. */
    @Transactional
    public void undo(long actionId) {
        var moderator = CurrentUser.require();
        var action =
                history.findById(actionId).orElseThrow(() -> new ModerationConflict("This action does not exist."));
        if (action.getModeratorId() != moderator.accountId()) {
            throw new ModerationConflict("You can only undo your own actions.");
        }
        if (action.getAction() == ModerationVerb.UNDO || history.existsByUndoesId(actionId)) {
            throw new ModerationConflict("This action was already undone.");
        }
        if (clock.instant().isAfter(action.getCreatedAt().plus(UNDO_WINDOW))) {
            throw new ModerationConflict("Actions can be undone for 5 minutes; that time has passed.");
        }
        var current = comments.find(action.getCommentId())
                .orElseThrow(() -> new ModerationConflict("This comment no longer exists."));
        var later = history.findByCommentIdOrderByCreatedAtAscIdAsc(action.getCommentId()).stream()
                .filter(other -> other.getCreatedAt().isAfter(action.getCreatedAt())
                        || (other.getCreatedAt().equals(action.getCreatedAt())
                                && Objects.requireNonNull(other.getId()) > actionId))
                .findFirst();
        if (later.isPresent() || current.status() != action.getStatusAfter()) {
            throw new ModerationConflict(
                    "Someone decided on this comment after you; your action can no longer be undone.");
        }
        var restore = new Decision(action.getStatusBefore(), "Restored by " + moderator.displayName() + " (undo)");
        // Reports readers filed after the decision were never closed and stay open beside the ones it closed.
        var verdict = apply(current, restore, false, current.openReports() + action.getOpenReportsBefore());
        history.save(new ModerationAction(
                current.id(), moderator, ModerationVerb.UNDO, verdict, null, actionId, clock.instant()));
        SecurityLog.event(
                "moderation",
                "action",
                ModerationVerb.UNDO,
                "undoes",
                actionId,
                "comments",
                ids(List.of(current.id())));
    }

    /** Whether the signed-in moderator may still undo this history entry. */
    public boolean canUndo(HistoryEntry entry) {
        return entry.action() != ModerationVerb.UNDO
                && !entry.undone()
                && entry.moderatorId() == CurrentUser.require().accountId()
                && !clock.instant().isAfter(entry.createdAt().plus(UNDO_WINDOW));
    }

    /** Every action on one comment, oldest first. */
    @Transactional(readOnly = true)
    public List<HistoryEntry> historyOf(long commentId) {
        return entries(history.findByCommentIdOrderByCreatedAtAscIdAsc(commentId));
    }

    /** The global log, newest first, optionally one moderator's. */
    @Transactional(readOnly = true)
    public Slice<HistoryEntry> log(@Nullable Long moderatorId, Pageable page) {
        var found = moderatorId == null
                ? history.findAllByOrderByCreatedAtDescIdDesc(page)
                : history.findByModeratorIdOrderByCreatedAtDescIdDesc(moderatorId, page);
        var entries = entries(found.getContent());
        return new SliceImpl<>(entries, page, found.hasNext());
    }

    /**
     * The signed-in moderator opens a comment: others see it is being reviewed, for two minutes.
     * A live claim by someone else is left in place. The claims are stored, so every node sees them.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void claim(long commentId) {
        var moderator = CurrentUser.require();
        var now = clock.instant();
        claims.claim(commentId, moderator.accountId(), moderator.displayName(), now, now.plus(CLAIM_TIME));
    }

    @Transactional
    public void release(long commentId) {
        claims.release(commentId, CurrentUser.require().accountId());
    }

    /** Live claims on the given comments by moderators other than the signed-in one. */
    @Transactional(readOnly = true)
    public Map<Long, Claim> claimsByOthers(Collection<Long> commentIds) {
        return claims.liveByOthers(commentIds, CurrentUser.require().accountId(), clock.instant());
    }

    /** The comment ids a log line names: the first 20, then how many in all. */
    private static String ids(Collection<Long> commentIds) {
        var first = commentIds.stream().limit(20).map(String::valueOf).collect(Collectors.joining(","));
        return commentIds.size() > 20 ? first + ",…(" + commentIds.size() + ")" : first;
    }

    private List<HistoryEntry> entries(List<ModerationAction> actions) {
        if (actions.isEmpty()) {
            return List.of();
        }
        var undone = new HashSet<>(history.findUndone(
                actions.stream().map(a -> Objects.requireNonNull(a.getId())).toList()));
        return actions.stream()
                .map(action -> action.toEntry(undone.contains(action.getId())))
                .toList();
    }
}
