package com.dateline.moderation.ui;

import com.dateline.account.AccountInfo;
import com.dateline.account.AccountRejected;
import com.dateline.account.AccountService;
import com.dateline.base.BlogTime;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.time.Instant;
import java.time.LocalDate;

/** Asks until when a reader is banned, and bans them. */
final class BanDialog {

    private BanDialog() {}

    static void open(AccountInfo account, AccountService accounts, BlogTime time, Runnable banned) {
        var dialog = Dialogs.keepingKeys();
        dialog.setHeaderTitle("Ban " + account.displayName() + "?");
        var until = new DatePicker("Until (leave empty for no end date)");
        until.setMin(LocalDate.now(time.inBlogZone(Instant.now()).getZone()).plusDays(1));
        until.setClearButtonVisible(true);
        var go = new Button("Ban", click -> {
            var zone = time.inBlogZone(Instant.now()).getZone();
            try {
                accounts.ban(
                        account.id(),
                        until.getValue() == null
                                ? null
                                : until.getValue().atStartOfDay(zone).toInstant());
                dialog.close();
                Notices.show(
                        account.displayName() + " can no longer sign in or comment"
                                + (until.getValue() == null ? "." : " until " + until.getValue() + "."),
                        NotificationVariant.LUMO_SUCCESS);
                banned.run();
            } catch (AccountRejected rejected) {
                until.setErrorMessage(String.join(" ", rejected.problems().values()));
                until.setInvalid(true);
            }
        });
        go.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Paragraph("They cannot sign in or comment, and their open sessions end now."), until);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), go);
        dialog.open();
    }
}
