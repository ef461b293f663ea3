package com.dateline.notice.ui;

import com.dateline.base.ui.Answer;
import com.dateline.base.ui.FieldErrors;
import com.dateline.notice.NoticeChoice;
import com.dateline.notice.NoticeChoices;
import com.dateline.notice.NoticeKind;
import com.dateline.notice.NoticeRefused;
import com.dateline.notice.NoticeService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.List;
import java.util.Objects;

/**
 * On the account page: which notices the reader gets by mail, at once or in a daily digest. Until their address is
 * verified the choices are shown but cannot be turned on; the queue alert is offered to moderators only.
 */
class NoticesSection extends Section {

    final RadioButtonGroup<NoticeChoice> replies = choice(NoticeKind.REPLIES, "notice-replies");
    final RadioButtonGroup<NoticeChoice> published = choice(NoticeKind.PUBLISHED, "notice-published");
    final RadioButtonGroup<NoticeChoice> notPublished = choice(NoticeKind.NOT_PUBLISHED, "notice-not-published");
    final Checkbox queueAlert = new Checkbox("Alert me by e-mail when the Pending queue needs moderators");
    final IntegerField queueLongerThan = new IntegerField("When more comments than this wait");
    final IntegerField queueOlderThanMinutes = new IntegerField("Or when one has waited longer than (minutes)");
    final Button save = new Button("Save notices");
    final Answer answer = new Answer();

    NoticesSection(NoticeService notices) {
        addClassName("form-section");
        setId("notices");
        var mine = notices.mine();
        var mayChoose = notices.mayChooseMine();
        add(new H2("E-mail notices"));
        if (!mayChoose) {
            add(new Paragraph("Confirm your e-mail address to turn notices on: open the link in the mail we sent you"
                    + " when you signed up (or send it again, above)."));
        }
        replies.setValue(mine.replies());
        published.setValue(mine.published());
        notPublished.setValue(mine.notPublished());
        for (var group : List.of(replies, published, notPublished)) {
            group.setEnabled(mayChoose);
            add(group);
        }
        add(new Paragraph("A ban or a suspension of your account is always mailed to you."));

        queueAlert.setId("notice-queue");
        queueAlert.setValue(mine.queueAlert());
        queueLongerThan.setId("notice-queue-longer-than");
        queueLongerThan.setValue(mine.queueLongerThan());
        queueLongerThan.setMin(1);
        queueLongerThan.setWidthFull();
        queueOlderThanMinutes.setWidthFull();
        queueLongerThan.setMax(NoticeChoices.MAX_QUEUE_LONGER_THAN);
        queueOlderThanMinutes.setId("notice-queue-older-than");
        queueOlderThanMinutes.setValue(mine.queueOlderThanMinutes());
        queueOlderThanMinutes.setMin(1);
        queueOlderThanMinutes.setMax(NoticeChoices.MAX_QUEUE_OLDER_THAN_MINUTES);
        var moderates = notices.mayAlertMe();
        if (moderates) {
            add(queueAlert, queueLongerThan, queueOlderThanMinutes);
        }

        save.setId("save-notices");
        save.setEnabled(mayChoose || moderates);
        var errors = new FieldErrors()
                .field("queueLongerThan", queueLongerThan)
                .field("queueOlderThanMinutes", queueOlderThanMinutes);
        save.addClickListener(click -> {
            try {
                notices.saveMine(new NoticeChoices(
                        replies.getValue(),
                        published.getValue(),
                        notPublished.getValue(),
                        queueAlert.getValue(),
                        number(queueLongerThan),
                        number(queueOlderThanMinutes)));
                errors.clear();
                answer.show(new Paragraph("Your notices are saved."));
            } catch (NoticeRefused refused) {
                errors.show(refused.problems());
                answer.show(new Paragraph(Objects.requireNonNullElse(
                        refused.problems().get("choices"), "Please correct the marked fields.")));
            }
        });
        add(save, answer);
    }

    private static RadioButtonGroup<NoticeChoice> choice(NoticeKind kind, String id) {
        var group = new RadioButtonGroup<NoticeChoice>(kind.label());
        group.setItems(NoticeChoice.values());
        group.setItemLabelGenerator(NoticeChoice::label);
        group.setId(id);
        return group;
    }

    /** What the field holds; a number too large for it (or none) is sent as 0, which the service refuses. */
    private static int number(IntegerField field) {
        var value = field.getValue();
        return value == null ? 0 : value;
    }
}
