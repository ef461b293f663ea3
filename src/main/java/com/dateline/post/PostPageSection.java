package com.dateline.post;

import com.vaadin.flow.component.Component;

/**
 * A section that another feature adds under a post's article (the comments, for one), without
 * the post feature knowing that feature. Implementations are Spring beans.
 */
public interface PostPageSection {

    /**
     * Which part of a long section an anonymous reader's page shows: {@code ?comments=N} (from 1) and
     * {@code ?order=newest}. Anything else in the address is left out, so it cannot make pages of its own.
     */
    record Part(int number, boolean newestFirst) {

        public static final Part FIRST = new Part(1, false);

        public Part {
            number = Math.max(1, number);
        }
    }

    /** The live section for the post page a signed-in reader has open. */
    Component liveSection(PostSummary post);

    /** The same section as plain content and links, for the page anonymous readers are sent. */
    Component publicSection(PostSummary post, Part part);
}
