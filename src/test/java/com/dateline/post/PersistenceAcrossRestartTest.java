package com.dateline.post;

import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.Application;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.PageRequest;

/**
 * The operator's promise: stopping and starting the application on the same data folder keeps
 * every post and photo. Runs the whole application twice on an H2 file database in a fresh folder.
 */
class PersistenceAcrossRestartTest {

    private record Seen(
            List<String> titles,
            List<String> paths,
            List<Long> ids,
            long seedPhotoId,
            byte[] seedPhoto,
            byte[] seedThumbnail) {}

    @TempDir
    Path dataDir;

    @Test
    void posts_and_photos_survive_a_restart_on_the_same_data_folder() {
        Seen before;
        try (var first = start(true)) {
            before = read(first);
        }
        assertThat(before.titles()).hasSize(5);
        assertThat(before.seedPhoto()).isNotEmpty();
        // The database lives in the data folder, not in memory.
        assertThat(dataDir.resolve("dateline.mv.db")).exists();

        Seen after;
        try (var second = start(false)) {
            after = read(second);
        }

        assertThat(after.titles()).containsExactlyElementsOf(before.titles());
        assertThat(after.paths()).containsExactlyElementsOf(before.paths());
        assertThat(after.paths())
                .containsExactly(
                        "/2008/04/iraq-baghdads-booksellers-return-to-mutanabbi-street",
                        "/2008/04/israel-spring-in-jerusalems-old-city",
                        "/2008/04/iraq-us-and-irans-talk-about-talks-continues",
                        "/2008/04/iran-nowruz-ends-and-tehran-goes-back-to-work",
                        "/2008/04/lebanon-a-week-of-waiting-in-beirut");
        assertThat(after.ids()).containsExactlyElementsOf(before.ids());
        assertThat(after.seedPhotoId()).isEqualTo(before.seedPhotoId());
        assertThat(after.seedPhoto()).isEqualTo(before.seedPhoto());
        assertThat(after.seedThumbnail()).isEqualTo(before.seedThumbnail());
    }

    private ConfigurableApplicationContext start(boolean demoData) {
        return new SpringApplicationBuilder(Application.class)
                .run(
                        "--dateline.data-dir=" + dataDir,
                        // The test configuration names an in-memory database; this test needs the file one.
                        "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("dateline"),
                        "--server.port=0",
                        "--dateline.demo-data=" + demoData);
    }

    private static Seen read(ConfigurableApplicationContext context) {
        var service = context.getBean(PostService.class);
        var posts = service.findPublished(PageRequest.of(0, 50)).getContent();
        var seed = posts.stream()
                .filter(post -> post.path().equals("/2008/04/iraq-us-and-irans-talk-about-talks-continues"))
                .findFirst()
                .orElseThrow();
        assertThat(seed.photo()).isNotNull();
        var photoId = seed.photo().id();
        return new Seen(
                posts.stream().map(PostSummary::title).toList(),
                posts.stream().map(PostSummary::path).toList(),
                posts.stream().map(PostSummary::id).toList(),
                photoId,
                service.findImage(photoId, PhotoVariant.ORIGINAL).orElseThrow().bytes(),
                service.findImage(photoId, PhotoVariant.THUMBNAIL).orElseThrow().bytes());
    }
}
