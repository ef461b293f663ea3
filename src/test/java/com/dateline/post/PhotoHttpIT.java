package com.dateline.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;

/** Photos over HTTP, as a browser or a cache sees them: real JPEGs, cacheable, revalidated by entity tag. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PhotoHttpIT {

    private static final String SEED = "/2008/04/iraq-us-and-irans-talk-about-talks-continues";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    PostService posts;

    @Test
    void a_photo_is_served_as_a_cacheable_jpeg_with_an_entity_tag() throws Exception {
        var photo = seedPhoto();

        var response = get(photo.url(), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("image/jpeg"));
        assertThat(response.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(
                        cache -> assertThat(cache).contains("max-age=").doesNotContain("no-store"));
        assertThat(response.headers().firstValue("ETag"))
                .hasValueSatisfying(etag -> assertThat(etag).matches("(W/)?\".+\""));
        var image = decode(response.body());
        assertThat(image.getWidth()).isEqualTo(photo.width());
        assertThat(image.getHeight()).isEqualTo(photo.height());
    }

    @Test
    void asking_again_with_the_entity_tag_answers_not_modified_without_the_bytes() throws Exception {
        var url = seedPhoto().url();
        var etag = get(url, null).headers().firstValue("ETag").orElseThrow();

        var again = get(url, etag);

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).contains(etag);
    }

    @Test
    void a_stale_entity_tag_gets_the_whole_photo_again() throws Exception {
        var response = get(seedPhoto().url(), "\"not-the-current-tag\"");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isNotEmpty();
    }

    @Test
    void the_thumbnail_is_a_smaller_jpeg_of_the_same_shape() throws Exception {
        var photo = seedPhoto();
        var original = get(photo.url(), null);

        var response = get(photo.thumbnailUrl(), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("image/jpeg"));
        assertThat(response.headers().firstValue("ETag"))
                .isPresent()
                .isNotEqualTo(original.headers().firstValue("ETag"));
        assertThat(response.body().length).isLessThan(original.body().length);
        var thumbnail = decode(response.body());
        var full = decode(original.body());
        assertThat(thumbnail.getWidth()).isLessThan(full.getWidth());
        assertThat(thumbnail.getHeight()).isLessThan(full.getHeight());
        assertThat((double) thumbnail.getWidth() / thumbnail.getHeight())
                .isCloseTo((double) full.getWidth() / full.getHeight(), org.assertj.core.data.Offset.offset(0.02));
    }

    @Test
    void every_listed_post_has_a_photo_that_can_be_fetched() throws Exception {
        var summaries = posts.findPublished(PageRequest.of(0, 10)).getContent();
        assertThat(summaries).hasSize(5);
        for (var post : summaries) {
            assertThat(post.photo()).as(post.path()).isNotNull();
            assertThat(get(post.photo().url(), null).statusCode())
                    .as(post.photo().url())
                    .isEqualTo(200);
            assertThat(get(post.photo().thumbnailUrl(), null).statusCode())
                    .as(post.photo().thumbnailUrl())
                    .isEqualTo(200);
        }
    }

    @Test
    void an_unknown_photo_is_not_found() throws Exception {
        assertThat(get("/images/999999", null).statusCode()).isEqualTo(404);
        assertThat(get("/images/999999/thumbnail", null).statusCode()).isEqualTo(404);
    }

    private PhotoInfo seedPhoto() {
        var seed = posts.findPublished(PageRequest.of(0, 10)).stream()
                .filter(post -> post.path().equals(SEED))
                .findFirst()
                .orElseThrow();
        assertThat(seed.photo()).isNotNull();
        return seed.photo();
    }

    private HttpResponse<byte[]> get(String path, String ifNoneMatch) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static BufferedImage decode(byte[] bytes) throws IOException {
        var image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image).as("a readable image").isNotNull();
        return image;
    }
}
