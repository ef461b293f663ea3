package com.dateline.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.dateline.comment.CommentRecords;
import com.dateline.comment.CommentStatus;
import com.dateline.comment.Decision;
import com.dateline.security.SignedInUser;
import com.dateline.support.SignIn;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Who may call the moderation dashboard's services, cell by cell: only MODERATOR and ADMIN. The
 * callers are what a real session holds: nobody at all, an anonymous visitor, or a demo account's
 * principal as the UserDetailsService builds it (an ADMIN holds every role). "Allowed" means the
 * method body ran (it answered, or refused the nonexistent comment it was given with a
 * {@link ModerationConflict}); "refused" means method security stopped the call before the body ran.
 */
@SpringBootTest
class ModerationAccessTest {

    enum Caller {
        NOBODY(null),
        ANONYMOUS(null),
        READER("reader@dateline.test"),
        EDITOR("editor@dateline.test"),
        MODERATOR("moderator@dateline.test"),
        ADMIN("admin@dateline.test");

        final String email;

        Caller(String email) {
            this.email = email;
        }
    }

    /** Every public method of the dashboard's services and of the comments' API they use, as {@code the_matrix_calls_every_public_method…} checks. */
    enum Call {
        DECIDE(ModerationService.class, "decide"),
        DECIDE_CURRENT(ModerationService.class, "decideCurrent"),
        UNDO(ModerationService.class, "undo"),
        HISTORY_OF(ModerationService.class, "historyOf"),
        LOG(ModerationService.class, "log"),
        CLAIM(ModerationService.class, "claim"),
        CLAIMS_BY_OTHERS(ModerationService.class, "claimsByOthers"),
        RELEASE(ModerationService.class, "release"),
        CAN_UNDO(ModerationService.class, "canUndo"),
        QUEUE(ModerationQueueService.class, "queue"),
        COUNTS(ModerationQueueService.class, "counts"),
        ITEM(ModerationQueueService.class, "item"),
        AUTHOR_RECORD(ModerationQueueService.class, "authorRecord"),
        SET_TRUSTED(ModerationQueueService.class, "setTrusted"),
        RECORDS_FIND(CommentRecords.class, "find"),
        RECORDS_LATEST(CommentRecords.class, "latestOf"),
        RECORDS_COUNTS(CommentRecords.class, "counts"),
        RECORDS_AUTHOR_COUNTS(CommentRecords.class, "authorCounts"),
        RECORDS_REPORT_COUNTS(CommentRecords.class, "reportCounts"),
        RECORDS_VERSIONS(CommentRecords.class, "versions"),
        RECORDS_APPLY(CommentRecords.class, "apply"),
        RECORDS_SET_TRUSTED(CommentRecords.class, "setTrusted");

        final String method;

        Call(Class<?> owner, String method) {
            this.method = owner.getSimpleName() + "." + method;
        }
    }

    /** A comment id and an action id no row has. */
    private static final long NO_SUCH_ID = -4_200_000L;

    static Stream<Arguments> matrix() {
        return Stream.of(Call.values())
                .flatMap(call -> IntStream.range(0, Caller.values().length).mapToObj(i -> {
                    var caller = Caller.values()[i];
                    var allowed = caller == Caller.MODERATOR || caller == Caller.ADMIN;
                    return Arguments.of(caller, call, allowed);
                }));
    }

    @Autowired
    ModerationService moderation;

    @Autowired
    ModerationQueueService queues;

    @Autowired
    CommentRecords records;

    @Autowired
    UserDetailsService users;

    @RegisterExtension
    final SignIn signIn = new SignIn();

    long demoReaderId;

    @BeforeEach
    void findDemoReader() {
        demoReaderId = ((SignedInUser) users.loadUserByUsername("reader@dateline.test")).accountId();
    }

    private void signInAs(Caller caller) {
        switch (caller) {
            case NOBODY -> signIn.out();
            case ANONYMOUS -> signIn.asAnonymous();
            default -> signIn.as(caller.email);
        }
    }

    /** Calls the method so that its body, once let in, does its work or refuses the nonexistent comment. */
    private void call(Call call) {
        switch (call) {
            case DECIDE -> {
                var result = moderation.decide(ModerationVerb.APPROVE, Map.of(NO_SUCH_ID, 0L), null);
                assertThat(result.applied()).isZero();
                assertThat(result.problems()).singleElement().asString().contains("no longer exists");
            }
            case DECIDE_CURRENT ->
                assertThat(moderation
                                .decideCurrent(ModerationVerb.REJECT, List.of(NO_SUCH_ID), null)
                                .applied())
                        .isZero();
            case UNDO -> expectConflict(() -> moderation.undo(NO_SUCH_ID), "This action does not exist.");
            case HISTORY_OF -> assertThat(moderation.historyOf(NO_SUCH_ID)).isEmpty();
            case LOG -> assertThat(moderation.log(null, PageRequest.of(0, 1))).isNotNull();
            case CLAIM -> moderation.claim(NO_SUCH_ID);
            case CLAIMS_BY_OTHERS ->
                assertThat(moderation.claimsByOthers(List.of(NO_SUCH_ID))).isNotNull();
            case RELEASE -> moderation.release(NO_SUCH_ID);
            case QUEUE ->
                assertThat(queues.queue(ModerationFilter.of(ModerationQueue.PENDING), PageRequest.of(0, 1)))
                        .isNotNull();
            case COUNTS ->
                assertThat(queues.counts().of(ModerationQueue.PENDING)).isNotNegative();
            case ITEM -> assertThat(queues.item(NO_SUCH_ID)).isEmpty();
            case AUTHOR_RECORD ->
                assertThat(queues.authorRecord(NO_SUCH_ID).recent()).isEmpty();
            case CAN_UNDO ->
                assertThat(moderation.canUndo(new HistoryEntry(
                                NO_SUCH_ID,
                                NO_SUCH_ID,
                                NO_SUCH_ID,
                                "Someone",
                                ModerationVerb.APPROVE,
                                CommentStatus.PENDING,
                                CommentStatus.PUBLISHED,
                                null,
                                null,
                                Instant.now(),
                                false)))
                        .isFalse();
            // "back to normal" for the demo reader, who is never trusted otherwise
            case SET_TRUSTED -> queues.setTrusted(demoReaderId, false);
            case RECORDS_FIND -> assertThat(records.find(NO_SUCH_ID)).isEmpty();
            case RECORDS_LATEST -> assertThat(records.latestOf(NO_SUCH_ID)).isEmpty();
            case RECORDS_COUNTS -> assertThat(records.counts().pending()).isNotNegative();
            case RECORDS_AUTHOR_COUNTS ->
                assertThat(records.authorCounts(NO_SUCH_ID).published()).isZero();
            case RECORDS_REPORT_COUNTS ->
                assertThat(records.reportCounts(List.of(NO_SUCH_ID))).isEmpty();
            case RECORDS_VERSIONS ->
                assertThat(records.versions(List.of(NO_SUCH_ID))).isEmpty();
            case RECORDS_APPLY ->
                assertThat(records.apply(NO_SUCH_ID, 0, new Decision(CommentStatus.PUBLISHED, "Approved"), false, 0))
                        .isEmpty();
            case RECORDS_SET_TRUSTED -> records.setTrusted(demoReaderId, false);
        }
    }

    /** Runs a call that gets past method security only to find no such row; security exceptions pass through. */
    private static void expectConflict(Runnable call, String message) {
        try {
            call.run();
        } catch (ModerationConflict conflict) {
            assertThat(conflict).hasMessage(message);
            return;
        }
        fail("a call on a nonexistent row was answered without a conflict");
    }

    @ParameterizedTest(name = "{0} calling {1}: allowed={2}")
    @MethodSource("matrix")
    void only_moderators_and_admins_may_call_the_dashboards_services(Caller caller, Call call, boolean allowed) {
        signInAs(caller);

        if (allowed) {
            call(call);
        } else if (caller == Caller.NOBODY) {
            assertThatThrownBy(() -> call(call))
                    .isInstanceOfAny(
                            AuthenticationCredentialsNotFoundException.class, AuthorizationDeniedException.class);
        } else {
            // method security's refusal, not the body finding nobody signed in
            assertThatThrownBy(() -> call(call)).isInstanceOf(AuthorizationDeniedException.class);
        }
    }

    @Test
    void the_matrix_calls_every_public_method_of_the_dashboards_services() {
        var published = Stream.of(ModerationService.class, ModerationQueueService.class, CommentRecords.class)
                .flatMap(service -> Stream.of(service.getDeclaredMethods())
                        .filter(method ->
                                Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers()))
                        .map(method -> service.getSimpleName() + "." + method.getName()))
                .collect(Collectors.toSet());

        assertThat(Stream.of(Call.values()).map(call -> call.method).collect(Collectors.toSet()))
                .isEqualTo(published);
    }

    @Test
    void a_refused_reader_leaves_no_claim_behind() {
        signInAs(Caller.READER);
        assertThatThrownBy(() -> moderation.claim(NO_SUCH_ID + 1)).isInstanceOf(AuthorizationDeniedException.class);

        signInAs(Caller.MODERATOR);
        assertThat(moderation.claimsByOthers(List.of(NO_SUCH_ID + 1))).isEmpty();
    }
}
