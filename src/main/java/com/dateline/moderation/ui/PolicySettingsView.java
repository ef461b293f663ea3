package com.dateline.moderation.ui;

import com.dateline.base.BlogProperties;
import com.dateline.base.ui.MainLayout;
import com.dateline.comment.CommentPolicyService;
import com.dateline.comment.PolicyRejected;
import com.dateline.comment.PolicySettings;
import com.dateline.security.Roles;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;

/** Admins tune the moderation policy; changes apply to the next comment written. */
@Route(value = "admin/moderation/settings", layout = MainLayout.class)
@RolesAllowed(Roles.ADMIN)
class PolicySettingsView extends Div implements HasDynamicTitle {

    final Checkbox preModeration = new Checkbox("Pre-moderation: new readers' comments wait for a moderator");
    final IntegerField trustThreshold = new IntegerField("Published comments that make a reader trusted");
    final IntegerField linkHoldThreshold = new IntegerField("Hold comments with this many web addresses or more");
    final IntegerField minSecondsBetween = new IntegerField("Seconds a reader must wait between comments");
    final IntegerField maxPerDay = new IntegerField("Comments a reader may post in 24 hours");
    final IntegerField autoCloseDays = new IntegerField("Close comments this many days after publication");
    final TextArea bannedWords = new TextArea("Banned words (one per line): rejected at once");
    final TextArea suspectWords = new TextArea("Suspect words (one per line): held for a moderator");
    final Button save = new Button("Save policy");

    private final CommentPolicyService policies;
    private final String blogTitle;

    PolicySettingsView(CommentPolicyService policies, BlogProperties blog) {
        this.policies = policies;
        this.blogTitle = blog.title();
        addClassName("form-page");
        autoCloseDays.setHelperText("Leave empty to keep comments open.");
        for (var field : List.of(trustThreshold, linkHoldThreshold, minSecondsBetween, maxPerDay, autoCloseDays)) {
            field.setStepButtonsVisible(true);
            field.setWidthFull();
        }
        bannedWords.setWidthFull();
        suspectWords.setWidthFull();
        show(policies.policy());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        add(
                new H1("Moderation policy"),
                new Paragraph(new Anchor("/admin/moderation", "Back to the moderation queues")),
                preModeration,
                trustThreshold,
                linkHoldThreshold,
                minSecondsBetween,
                maxPerDay,
                autoCloseDays,
                bannedWords,
                suspectWords,
                save);
    }

    private void show(PolicySettings settings) {
        preModeration.setValue(settings.preModeration());
        trustThreshold.setValue(settings.trustThreshold());
        linkHoldThreshold.setValue(settings.linkHoldThreshold());
        minSecondsBetween.setValue(settings.minSecondsBetween());
        maxPerDay.setValue(settings.maxPerDay());
        autoCloseDays.setValue(settings.autoCloseDays());
        bannedWords.setValue(String.join("\n", settings.bannedWords()));
        suspectWords.setValue(String.join("\n", settings.suspectWords()));
    }

    void save() {
        Map<String, HasValidation> fields = Map.of(
                "trustThreshold", trustThreshold,
                "linkHoldThreshold", linkHoldThreshold,
                "minSecondsBetween", minSecondsBetween,
                "maxPerDay", maxPerDay,
                "autoCloseDays", autoCloseDays,
                "bannedWords", bannedWords,
                "suspectWords", suspectWords);
        fields.values().forEach(field -> field.setInvalid(false));
        var missing = false;
        for (var field : List.of(trustThreshold, linkHoldThreshold, minSecondsBetween, maxPerDay)) {
            if (field.getValue() == null) {
                field.setErrorMessage("Enter a whole number.");
                field.setInvalid(true);
                missing = true;
            }
        }
        if (missing) {
            return;
        }
        try {
            var saved = policies.updatePolicy(new PolicySettings(
                    preModeration.getValue(),
                    trustThreshold.getValue(),
                    linkHoldThreshold.getValue(),
                    minSecondsBetween.getValue(),
                    maxPerDay.getValue(),
                    autoCloseDays.getValue(),
                    bannedWords.getValue().lines().toList(),
                    suspectWords.getValue().lines().toList()));
            show(saved);
            Notification.show(
                            "Policy saved. It applies to the next comment written.",
                            5000,
                            Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (PolicyRejected rejected) {
            rejected.problems().forEach((name, message) -> {
                var field = fields.get(name);
                if (field != null) {
                    field.setErrorMessage(message);
                    field.setInvalid(true);
                }
            });
        }
    }

    @Override
    public String getPageTitle() {
        return "Moderation policy — " + blogTitle;
    }
}
