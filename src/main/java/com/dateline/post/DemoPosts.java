package com.dateline.post;

import com.dateline.base.BlogProperties;
import com.dateline.post.DemoImages.Motif;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty database with the seed post of "Babylon & Beyond" and four sample posts around
 * it, so that the quick start shows a working blog. Does nothing once any post exists.
 */
@Component
@ConditionalOnBooleanProperty("dateline.demo-data")
@Order(1)
class DemoPosts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPosts.class);

    private record Sample(
            String category,
            String title,
            String slug,
            LocalDateTime publishedAt,
            String byline,
            Motif motif,
            Color sky,
            Color ground,
            String altText,
            String caption,
            String credit) {

        /** Reads the sample numbered {@code n} from demo/samples.properties. */
        static Sample read(Properties samples, int n) {
            Function<String, String> value = key -> Objects.requireNonNull(
                    samples.getProperty(n + "." + key), () -> "demo/samples.properties has no " + n + "." + key);
            return new Sample(
                    value.apply("category"),
                    value.apply("title"),
                    value.apply("slug"),
                    LocalDateTime.parse(value.apply("publishedAt")),
                    value.apply("byline"),
                    Motif.valueOf(value.apply("motif")),
                    color(value.apply("sky")),
                    color(value.apply("ground")),
                    value.apply("altText"),
                    value.apply("caption"),
                    value.apply("credit"));
        }

        private static Color color(String rgb) {
            var parts = rgb.split(",");
            return new Color(
                    Integer.parseInt(parts[0].strip()),
                    Integer.parseInt(parts[1].strip()),
                    Integer.parseInt(parts[2].strip()));
        }
    }

    private final PostRepository posts;
    private final NewPosts newPosts;
    private final PhotoStore photos;
    private final BlogProperties blog;
    private final TransactionTemplate transaction;

    DemoPosts(
            PostRepository posts,
            NewPosts newPosts,
            PhotoStore photos,
            BlogProperties blog,
            TransactionTemplate transaction) {
        this.posts = posts;
        this.newPosts = newPosts;
        this.photos = photos;
        this.blog = blog;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> {
            if (posts.count() > 0) {
                return;
            }
            var samples = samples();
            for (int i = 0; i < samples.size(); i++) {
                var sample = samples.get(i);
                posts.save(newPosts.create(
                        sample.title(),
                        sample.slug(),
                        sample.category(),
                        sample.publishedAt().atZone(blog.timeZone()).toInstant(),
                        markdown(sample.slug()),
                        sample.byline(),
                        photo(sample, i)));
            }
            log.info("Demo data: added {} sample posts", samples.size());
        });
    }

    private Photo photo(Sample sample, int index) {
        var bytes = DemoImages.draw(sample.motif(), sample.sky(), sample.ground(), index);
        return photos.store(bytes, sample.altText(), sample.caption(), sample.credit());
    }

    private static List<Sample> samples() {
        var properties = new Properties();
        try (var in = new InputStreamReader(
                new ClassPathResource("demo/samples.properties").getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var samples = new ArrayList<Sample>();
        for (var n = 1; properties.containsKey(n + ".slug"); n++) {
            samples.add(Sample.read(properties, n));
        }
        return samples;
    }

    private static String markdown(String slug) {
        try {
            return new ClassPathResource("demo/" + slug + ".md").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
