package com.dateline.post;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.jspecify.annotations.Nullable;

/** The words that go with a picture; its bytes are kept per {@link PhotoRendition}. */
@Entity
class Photo {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private String altText;

    private @Nullable String caption;

    private @Nullable String credit;

    /** Pixel size of the original, so pages can reserve the space before the image arrives. */
    private int width;

    private int height;

    protected Photo() {
        this.altText = "";
    }

    Photo(String altText, @Nullable String caption, @Nullable String credit, int width, int height) {
        this.altText = altText;
        this.caption = caption;
        this.credit = credit;
        this.width = width;
        this.height = height;
    }

    void describe(String altText, @Nullable String caption, @Nullable String credit) {
        this.altText = altText;
        this.caption = caption;
        this.credit = credit;
    }

    @Nullable Long getId() {
        return id;
    }

    String getAltText() {
        return altText;
    }

    @Nullable String getCaption() {
        return caption;
    }

    @Nullable String getCredit() {
        return credit;
    }

    int getWidth() {
        return width;
    }

    int getHeight() {
        return height;
    }
}
