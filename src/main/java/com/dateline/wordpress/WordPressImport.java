package com.dateline.wordpress;

import com.dateline.account.AccountService;
import com.dateline.base.BlogProperties;
import com.dateline.comment.CommentFormat;
import com.dateline.comment.CommentImport;
import com.dateline.comment.CommentRefused;
import com.dateline.comment.CommentStatus;
import com.dateline.comment.ImportedComment;
import com.dateline.post.ImportedPost;
import com.dateline.post.PostImport;
import com.dateline.post.PostRejected;
import com.dateline.security.Roles;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a WordPress export: the whole file is read and checked first (a file that cannot be read changes nothing),
 * then each post is stored with its comments in a transaction of its own, so a post that fails costs only itself.
 * Posts are known by their GUID and comments by "GUID#comment id", so importing the same file again adds only what
 * is new. Every comment author becomes an imported author, a display name that cannot sign in, even when an account here
 * has the e-mail the archive gives (see {@link Run#author}).
 */
@Service
@PreAuthorize(Roles.ADMIN_ONLY)
public class WordPressImport {

    /** What WordPress itself shows for a post that has content but no title. */
    static final String NO_TITLE = "(no title)";

    private static final Logger log = LoggerFactory.getLogger(WordPressImport.class);

    private final PostImport posts;
    private final CommentImport comments;
    private final AccountService accounts;
    private final TransactionTemplate transaction;
    private final BlogProperties blog;
    private final Clock clock;

    WordPressImport(
            PostImport posts,
            CommentImport comments,
            AccountService accounts,
            TransactionTemplate transaction,
            BlogProperties blog,
            Clock clock) {
        this.posts = posts;
        this.comments = comments;
        this.accounts = accounts;
        this.transaction = transaction;
        this.blog = blog;
        this.clock = clock;
    }

    /**
     * Imports the export file; the stream is read to its end but not closed.
     *
     * @param progress told after each post, on this thread
     * @throws WxrRejected if the file is not a WordPress export that can be read; then nothing was imported
     */
    public ImportReport importFile(InputStream file, ProgressListener progress) {
        var archive = new WxrParser(blog.timeZone()).parse(file);
        var run = new Run(archive.skipped());
        var total = archive.posts().size();
        progress.progress(0, total);
        var done = 0;
        for (var post : archive.posts()) {
            run.importPost(post);
            progress.progress(++done, total);
        }
        var report = run.report();
        log.info(
                "WordPress import: {} posts added, {} already there; {} comments added, {} already there; {} items skipped",
                report.postsAdded(),
                report.postsAlreadyThere(),
                report.commentsAdded(),
                report.commentsAlreadyThere(),
                report.skipped().size());
        return report;
    }

    /** The tallies of one import, and the authors already known (committed) by name and e-mail. */
    private final class Run {

        private int postsAdded;
        private int postsAlreadyThere;
        private int commentsAdded;
        private int commentsAlreadyThere;
        private final List<String> skipped;
        private final List<String> notes = new ArrayList<>();
        private final Map<String, Long> authors = new HashMap<>();

        Run(List<String> skipped) {
            this.skipped = new ArrayList<>(skipped);
        }

        void importPost(WxrPost post) {
            var outcome = new PostOutcome();
            try {
                transaction.executeWithoutResult(status -> store(post, outcome));
            } catch (AccessDeniedException denied) {
                throw denied;
            } catch (PostRejected rejected) {
                skipped.add(post.label() + ": " + rejected.getMessage());
                return;
            } catch (RuntimeException failed) {
                log.warn("WordPress import: {} could not be stored", post.label(), failed);
                skipped.add(post.label() + ": it could not be stored ("
                        + failed.getClass().getSimpleName() + "); neither it nor its comments were imported");
                return;
            }
            if (outcome.postAdded) {
                postsAdded++;
            } else {
                postsAlreadyThere++;
            }
            commentsAdded += outcome.commentsAdded;
            commentsAlreadyThere += outcome.commentsAlreadyThere;
            skipped.addAll(outcome.skipped);
            notes.addAll(outcome.notes);
            authors.putAll(outcome.authors);
        }

        private void store(WxrPost post, PostOutcome outcome) {
            var title = post.title().isBlank() ? NO_TITLE : post.title();
            var stored = posts.importPost(new ImportedPost(
                    post.guid(),
                    title,
                    post.slug(),
                    post.categories().isEmpty()
                            ? PostImport.DEFAULT_CATEGORY
                            : post.categories().getFirst(),
                    post.publishedAt() != null ? post.publishedAt() : clock.instant(),
                    post.status() == WxrStatus.DRAFT,
                    post.commentsClosed(),
                    WordPressContent.toMarkdown(post.content())));
            outcome.postAdded = stored.added();
            var placed = new HashSet<Long>();
            for (var comment : parentsFirst(post.comments())) {
                var parentMissing = comment.parentId() != 0 && !placed.contains(comment.parentId());
                var parentKey = comment.parentId() == 0 || parentMissing ? null : key(post, comment.parentId());
                var status = switch (comment.approval()) {
                    case APPROVED -> CommentStatus.PUBLISHED;
                    case PENDING -> CommentStatus.PENDING;
                    case SPAM -> CommentStatus.REJECTED;
                };
                try {
                    var result = comments.importComment(new ImportedComment(
                            key(post, comment.id()),
                            stored.postId(),
                            parentKey,
                            author(comment, outcome),
                            comment.content(),
                            CommentFormat.WORDPRESS_HTML,
                            status,
                            comment.approval() == WxrComment.Approval.SPAM,
                            comment.createdAt()));
                    placed.add(comment.id());
                    if (result.added()) {
                        outcome.commentsAdded++;
                        if (parentMissing) {
                            outcome.notes.add(
                                    comment.label(post.title()) + ": the comment it replies to (" + comment.parentId()
                                            + ") is not in the file or was skipped; it was imported as a top-level comment");
                        }
                    } else {
                        outcome.commentsAlreadyThere++;
                    }
                } catch (CommentRefused refused) {
                    outcome.skipped.add(comment.label(post.title()) + ": " + refused.getMessage());
                }
            }
        }

        /**
         * The comment's imported author, known by the name and e-mail the archive gives. An account here is never
         * used, whatever its e-mail: WordPress never verified the address its commenters typed, so a match would let
         * anyone's old comment speak under a staff member's or a reader's name here.
         */
        private long author(WxrComment comment, PostOutcome outcome) {
            var email = comment.email().strip();
            var key = comment.author().strip().toLowerCase(Locale.ROOT) + "\n" + email.toLowerCase(Locale.ROOT);
            var known = authors.get(key);
            if (known == null) {
                known = outcome.authors.get(key);
            }
            if (known != null) {
                return known;
            }
            long id = accounts.importedAuthor(comment.author(), email);
            outcome.authors.put(key, id);
            return id;
        }

        ImportReport report() {
            return new ImportReport(postsAdded, postsAlreadyThere, commentsAdded, commentsAlreadyThere, skipped, notes);
        }
    }

    /** What one post's transaction did; counted only once it is committed. */
    private static final class PostOutcome {
        boolean postAdded;
        int commentsAdded;
        int commentsAlreadyThere;
        final List<String> skipped = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final Map<String, Long> authors = new HashMap<>();
    }

    private static String key(WxrPost post, long commentId) {
        return post.guid() + "#" + commentId;
    }

    /**
     * The comments in file order, except that a reply comes after the comment it replies to, wherever the file has
     * it. A loop of replies (which WordPress never writes) is cut where it closes.
     */
    static List<WxrComment> parentsFirst(List<WxrComment> comments) {
        var byId = new HashMap<Long, WxrComment>();
        comments.forEach(comment -> byId.putIfAbsent(comment.id(), comment));
        Set<Long> placed = new HashSet<>();
        var ordered = new ArrayList<WxrComment>(comments.size());
        for (var comment : comments) {
            var chain = new ArrayDeque<WxrComment>();
            var seen = new HashSet<Long>();
            @Nullable WxrComment current = comment;
            while (current != null && !placed.contains(current.id()) && seen.add(current.id())) {
                chain.push(current);
                current = current.parentId() == 0 ? null : byId.get(current.parentId());
            }
            while (!chain.isEmpty()) {
                var next = chain.pop();
                placed.add(next.id());
                ordered.add(next);
            }
        }
        return ordered;
    }
}
