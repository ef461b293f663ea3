package com.dateline.post;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * Serves photos from the database. A rendition never changes under its entity tag, so browsers
 * and proxies may keep it for a long time and revalidate cheaply.
 */
@RestController
class PhotoController {

    private static final CacheControl CACHE =
            CacheControl.maxAge(Duration.ofDays(30)).cachePublic();

    private final PostService posts;

    PhotoController(PostService posts) {
        this.posts = posts;
    }

    @GetMapping("/images/{photoId:[0-9]{1,18}}")
    ResponseEntity<byte[]> original(@PathVariable long photoId, WebRequest request) {
        return serve(photoId, PhotoVariant.ORIGINAL, request);
    }

    @GetMapping("/images/{photoId:[0-9]{1,18}}/thumbnail")
    ResponseEntity<byte[]> thumbnail(@PathVariable long photoId, WebRequest request) {
        return serve(photoId, PhotoVariant.THUMBNAIL, request);
    }

    private ResponseEntity<byte[]> serve(long photoId, PhotoVariant variant, WebRequest request) {
        var found = posts.findImage(photoId, variant);
        if (found.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        var image = found.get();
        var etag = "\"" + image.etag() + "\"";
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(304).eTag(etag).cacheControl(CACHE).build();
        }
        return ResponseEntity.ok()
                .eTag(etag)
                .cacheControl(CACHE)
                .contentType(MediaType.parseMediaType(image.contentType()))
                .body(image.bytes());
    }
}
