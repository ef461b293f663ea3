package com.dateline.post;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Keeps a post's photo: its words and size as a row, its original and thumbnail as renditions. */
@Component
record PhotoStore(PhotoRepository photos, PhotoRenditionRepository renditions, PhotoProcessor processor) {

    /** @throws IllegalArgumentException with the reader-facing reason if it is not a photo the site takes */
    UploadedPhoto inspect(byte[] bytes) {
        return processor.inspect(bytes);
    }

    /** Stores a checked photo with its renditions. */
    Photo store(byte[] bytes, String altText, @Nullable String caption, @Nullable String credit) {
        var made = processor.renditions(bytes);
        var original = made.original();
        var photo = photos.save(new Photo(altText, caption, credit, original.width(), original.height()));
        var photoId = Objects.requireNonNull(photo.getId());
        renditions.save(new PhotoRendition(photoId, PhotoVariant.ORIGINAL, original));
        renditions.save(new PhotoRendition(photoId, PhotoVariant.THUMBNAIL, made.thumbnail()));
        return photo;
    }

    Optional<EncodedImage> original(long photoId) {
        return renditions
                .findByPhotoIdAndVariant(photoId, PhotoVariant.ORIGINAL)
                .map(PhotoRendition::toImage);
    }

    void remove(Photo photo) {
        renditions.deleteByPhotoId(Objects.requireNonNull(photo.getId()));
        photos.delete(photo);
    }
}
