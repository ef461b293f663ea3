package com.dateline.moderation.ui;

import com.dateline.account.AccountInfo;
import com.dateline.account.AccountService;
import com.dateline.account.StaffAccountProtected;
import com.dateline.base.BlogTime;
import com.dateline.moderation.ModerationQueueService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.NotificationVariant;

/**
 * What a moderator can do about the author of the open comment: ban them or lift the ban, trust them or put them back
 * to pre-moderation, and list only the comments on this post. Staff accounts are out of a moderator's reach.
 */
class AuthorActions extends Div {

    /**
     * @param changed runs after the author's standing changed, to show it
     * @param onlyThisPost narrows the list to the open comment's post
     */
    AuthorActions(
            AccountInfo account,
            boolean trusted,
            AccountService accounts,
            ModerationQueueService queues,
            BlogTime time,
            Runnable changed,
            Runnable onlyThisPost) {
        addClassName("author-actions");
        var onlyPost = new Button("Only this post's comments", click -> onlyThisPost.run());
        onlyPost.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        if (!accounts.mayModerate(account.id())) {
            var staff = new Span(StaffAccountProtected.MESSAGE + " ");
            staff.addClassName("staff-account");
            add(staff, onlyPost);
            return;
        }
        if (account.enabled()) {
            var ban = new Button("Ban…", click -> BanDialog.open(account, accounts, time, changed));
            ban.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            add(ban);
        } else {
            add(new Span(
                    account.disabledUntil() == null
                            ? "Banned. "
                            : "Banned until " + time.dateline(account.disabledUntil()) + ". "));
            var lift = new Button("Lift the ban", click -> {
                accounts.setEnabled(account.id(), true);
                Notices.show(
                        account.displayName() + " may sign in and comment again.", NotificationVariant.LUMO_SUCCESS);
                changed.run();
            });
            lift.addThemeVariants(ButtonVariant.LUMO_SMALL);
            add(lift);
        }
        var trust = new Button(trusted ? "Back to normal (pre-moderation)" : "Trust this reader", click -> {
            queues.setTrusted(account.id(), !trusted);
            Notices.show(
                    trusted
                            ? account.displayName() + "'s comments wait for moderation again."
                            : account.displayName() + "'s comments are now published at once (hold rules still apply).",
                    NotificationVariant.LUMO_SUCCESS);
            changed.run();
        });
        trust.addThemeVariants(ButtonVariant.LUMO_SMALL);
        add(trust, onlyPost);
    }
}
