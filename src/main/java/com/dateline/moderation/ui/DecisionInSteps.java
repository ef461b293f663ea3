package com.dateline.moderation.ui;

import com.dateline.base.ui.BackgroundWork;
import com.dateline.moderation.BulkResult;
import com.dateline.moderation.ModerationService;
import com.dateline.moderation.ModerationVerb;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A long run: the moderator sees how far it got, and every step is its own transaction, so a failure half way keeps
 * (and reports) what was done before it, with "Undo" for that part.
 */
final class DecisionInSteps {

    private static final Logger log = LoggerFactory.getLogger(DecisionInSteps.class);

    private DecisionInSteps() {}

    /** @param done runs in the UI once the run ended, with how it went */
    static void run(
            ModerationService moderation,
            BackgroundWork background,
            ModerationVerb verb,
            Map<Long, Long> targets,
            @Nullable String reason,
            Consumer<BulkResult> done) {
        var total = targets.size();
        var bar = new ProgressBar(0, total, 0);
        bar.getElement().setAttribute("aria-label", "Comments done");
        var status = new Paragraph("0 of " + total + " done");
        status.getElement().setAttribute("aria-live", "polite");
        var dialog = Dialogs.keepingKeys();
        dialog.add(status, bar);
        dialog.setHeaderTitle(verb.inProgress() + " " + total + " comments");
        dialog.setCloseOnEsc(false);
        dialog.setCloseOnOutsideClick(false);
        dialog.setWidth("24rem");
        dialog.addClassName("moderation-progress");
        dialog.open();
        var steps = new ArrayList<Map<Long, Long>>();
        targets.forEach((id, version) -> {
            if (steps.isEmpty() || steps.getLast().size() == ModerationView.STEP_SIZE) {
                steps.add(new LinkedHashMap<>());
            }
            steps.getLast().put(id, version);
        });
        background.start("moderation-steps", page -> {
            var applied = 0;
            var doneSoFar = 0;
            var problems = new ArrayList<String>();
            var actionIds = new ArrayList<Long>();
            try {
                for (var step : steps) {
                    var result = moderation.decide(verb, step, reason);
                    applied += result.applied();
                    problems.addAll(result.problems());
                    actionIds.addAll(result.actionIds());
                    doneSoFar += step.size();
                    var shown = doneSoFar;
                    page.access(() -> {
                        bar.setValue(shown);
                        status.setText(shown + " of " + total + " done");
                    });
                }
            } catch (RuntimeException failure) {
                log.warn("Moderation run stopped after {} of {} comments", doneSoFar, total, failure);
                problems.add("Stopped after " + doneSoFar + " of " + total
                        + " because of an error; the rest were not touched.");
            }
            var result = new BulkResult(applied, problems, actionIds);
            page.access(() -> {
                dialog.close();
                done.accept(result);
            });
        });
    }
}
