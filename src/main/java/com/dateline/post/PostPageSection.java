package com.dateline.post;

import com.vaadin.flow.component.Component;

/**
 * A section that another feature adds under a post's article (the comments, for one), without
 * the post feature knowing that feature. Implementations are Spring beans.
 */
public interface PostPageSection {

    /** The live section for the post page a reader has open. */
    Component liveSection(PostSummary post);

    /** The same section as plain content for the HTML the server sends before any script runs. */
    Component staticSection(PostSummary post);
}
