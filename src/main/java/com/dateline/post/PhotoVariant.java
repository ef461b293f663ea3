package com.dateline.post;

/** Which rendition of a photo a page asks for. */
public enum PhotoVariant {
    ORIGINAL,
    THUMBNAIL
}
