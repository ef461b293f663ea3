package com.dateline.wordpress;

import java.util.List;

/**
 * What an import did. "Already there" counts what an earlier import of the same archive had stored.
 *
 * @param skipped what was not imported, each as "item: reason"
 * @param notes what was imported differently from the file, each as "item: what and why" (such as a reply whose
 *     parent is not in the file, imported as a top-level comment)
 */
public record ImportReport(
        int postsAdded,
        int postsAlreadyThere,
        int commentsAdded,
        int commentsAlreadyThere,
        List<String> skipped,
        List<String> notes) {

    public ImportReport {
        skipped = List.copyOf(skipped);
        notes = List.copyOf(notes);
    }
}
