package com.dateline.post;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** One stored image file of a photo: the original or a smaller copy for lists. */
@Entity
class PhotoRendition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private long photoId;

    @Enumerated(EnumType.STRING)
    private PhotoVariant variant;

    private String contentType;

    private int width;

    private int height;

    private String etag;

    @JdbcTypeCode(SqlTypes.LONG32VARBINARY)
    private byte[] bytes;

    protected PhotoRendition() {
        this.variant = PhotoVariant.ORIGINAL;
        this.contentType = "";
        this.etag = "";
        this.bytes = new byte[0];
    }

    PhotoRendition(long photoId, PhotoVariant variant, EncodedImage image) {
        this.photoId = photoId;
        this.variant = variant;
        this.contentType = image.contentType();
        this.width = image.width();
        this.height = image.height();
        this.etag = image.etag();
        this.bytes = image.bytes();
    }

    long getPhotoId() {
        return photoId;
    }

    PhotoVariant getVariant() {
        return variant;
    }

    EncodedImage toImage() {
        return new EncodedImage(bytes, contentType, width, height, etag);
    }
}
