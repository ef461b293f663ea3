package com.dateline.notice;

import com.dateline.account.AccountContacts;
import com.dateline.account.AccountService;
import com.dateline.account.AccountSuspended;
import com.dateline.base.BlogProperties;
import com.dateline.base.BlogTime;
import com.dateline.base.PublicLinks;
import com.dateline.comment.CommentModerated;
import com.dateline.comment.CommentPublished;
import com.dateline.comment.CommentStatus;
import com.dateline.mail.Letter;
import com.dateline.mail.MailOutbox;
import com.dateline.post.PostLink;
import com.dateline.post.PostService;
import java.util.List;
import java.util.Objects;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns what happened to a reader's comments and account into notices. Each listener runs after the change commits, in
 * a transaction of its own that the event publication registry repeats after a crash; the notice's key makes a repeat
 * harmless.
 */
@Component
class NoticeMails {

    private final Notices notices;
    private final AccountContacts contacts;
    private final AccountService accounts;
    private final PostService posts;
    private final MailOutbox outbox;
    private final PublicLinks links;
    private final BlogTime time;
    private final String title;

    NoticeMails(
            Notices notices,
            AccountContacts contacts,
            AccountService accounts,
            PostService posts,
            MailOutbox outbox,
            PublicLinks links,
            BlogTime time,
            BlogProperties blog) {
        this.notices = notices;
        this.contacts = contacts;
        this.accounts = accounts;
        this.posts = posts;
        this.outbox = outbox;
        this.links = links;
        this.time = time;
        this.title = blog.title();
    }

    @ApplicationModuleListener
    void on(CommentPublished published) {
        var parentAuthor = published.parentAuthorId();
        if (parentAuthor == null || parentAuthor == published.authorId()) {
            return;
        }
        var replier =
                accounts.displayNames(List.of(published.authorId())).getOrDefault(published.authorId(), "A reader");
        var post = post(published.postId());
        notices.tell(
                parentAuthor,
                new Notice(
                        NoticeKind.REPLIES,
                        "reply:" + published.commentId(),
                        replier + " replied to your comment on " + title,
                        replier + " replied to your comment on “" + post.headline() + "”:",
                        published.excerpt(),
                        published.excerptHtml(),
                        "Read the reply",
                        commentLink(post, published.commentId())));
    }

    @ApplicationModuleListener
    void on(CommentModerated moderated) {
        var post = post(moderated.postId());
        if (moderated.before() == CommentStatus.PENDING && moderated.after() == CommentStatus.PUBLISHED) {
            notices.tell(
                    moderated.authorId(),
                    new Notice(
                            NoticeKind.PUBLISHED,
                            "published:" + moderated.commentId(),
                            "Your comment on " + title + " is published",
                            "A moderator published your comment on “" + post.headline() + "”:",
                            moderated.excerpt(),
                            moderated.excerptHtml(),
                            "See it on the page",
                            commentLink(post, moderated.commentId())));
        } else if (moderated.after() == CommentStatus.REJECTED
                // A spammer is not told: a mail would confirm that the address is read, and teach what is caught.
                && !moderated.spam()
                && (moderated.before() == CommentStatus.PENDING || moderated.before() == CommentStatus.PUBLISHED)) {
            var note = moderated.toAuthor();
            notices.tell(
                    moderated.authorId(),
                    new Notice(
                            NoticeKind.NOT_PUBLISHED,
                            "not-published:" + moderated.commentId(),
                            "Your comment on " + title + " was not published",
                            "A moderator did not publish your comment on “" + post.headline() + "”"
                                    + (note == null ? "." : ", and wrote to you: “" + note + "”") + " Your comment:",
                            moderated.excerpt(),
                            moderated.excerptHtml(),
                            "Go to the discussion",
                            links.page(relative(post.path()) + "#comments")));
        }
    }

    /** Always sent, whatever the reader chose: they must know why they can no longer sign in. */
    @ApplicationModuleListener
    void on(AccountSuspended suspended) {
        contacts.of(suspended.accountId()).ifPresent(contact -> {
            var until = suspended.until();
            var letter = new Letter(contact.displayName())
                    .paragraph(
                            until == null
                                    ? "A moderator has banned your account on " + title
                                            + ". You can no longer sign in or comment."
                                    : "A moderator has suspended your account on " + title + " until "
                                            + time.moment(until)
                                            + ". Until then you cannot sign in or comment; after that you can again.")
                    .paragraph("You can still read the blog. If you think this is a mistake, write to the newsroom.");
            outbox.queue(letter.to(
                    "suspended:" + suspended.suspensionId(),
                    contact.email(),
                    until == null
                            ? "Your account on " + title + " is banned"
                            : "Your account on " + title + " is suspended",
                    "— " + title));
        });
    }

    private PostLink post(long postId) {
        return Objects.requireNonNullElse(posts.findLinks(List.of(postId)).get(postId), new PostLink("a post", "/"));
    }

    private String commentLink(PostLink post, long commentId) {
        return links.page(relative(post.path()) + "#comment-" + commentId);
    }

    private static String relative(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
