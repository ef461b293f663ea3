package com.dateline.comment;

import com.dateline.base.ReaderContent;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * {@code /discussions/{post}.json}: how many comments of a post are published, which an anonymous reader's open page
 * asks every 20 s to offer the new ones. Answered from memory under the version of what readers see, with an ETag a
 * browser revalidates cheaply and a lifetime a CDN can share between all open tabs.
 */
@RestController
class DiscussionCountController {

    private record Key(long postId, long version) {}

    private final CommentService comments;
    private final ReaderContent readerContent;
    private final Cache<Key, Long> counts = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();

    DiscussionCountController(CommentService comments, ReaderContent readerContent) {
        this.comments = comments;
        this.readerContent = readerContent;
    }

    @GetMapping("/discussions/{postId}.json")
    ResponseEntity<Map<String, Long>> count(@PathVariable long postId, WebRequest request) {
        var published = counts.get(new Key(postId, readerContent.version()), key -> comments.publishedCount(postId));
        var etag = "\"" + postId + "-" + published + "\"";
        var caching = CacheControl.maxAge(Duration.ofSeconds(10)).cachePublic().sMaxAge(Duration.ofSeconds(10));
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(304).cacheControl(caching).eTag(etag).build();
        }
        return ResponseEntity.ok().cacheControl(caching).eTag(etag).body(Map.of("published", published));
    }
}
