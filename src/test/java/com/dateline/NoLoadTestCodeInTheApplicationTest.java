package com.dateline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the production jar is built from ({@code target/classes}, BOOT-INF/classes in the jar) holds no load-test code,
 * endpoint, account or profile: the harness brings its hooks from the test classes (README, "Benchmarks").
 */
class NoLoadTestCodeInTheApplicationTest {

    /** Names the old hooks had, and words only load-test code would carry. */
    private static final List<String> FORBIDDEN_WORDS = List.of(
            "loadmoderation",
            "liveheap",
            "loadcomments",
            "load-test",
            "bench.test",
            "dateline.bench",
            "benchmark",
            "public-actuator-endpoints");

    private static Path applicationClasses() throws Exception {
        return Path.of(Application.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    }

    @Test
    void the_application_classes_hold_no_load_test_class_or_profile() throws Exception {
        var classes = applicationClasses();
        assertThat(classes.resolve("com/dateline/Application.class"))
                .as("the application's own classes")
                .isRegularFile();
        try (Stream<Path> files = Files.walk(classes)) {
            var names = files.filter(Files::isRegularFile)
                    .map(file -> classes.relativize(file).toString())
                    .toList();

            assertThat(names).noneMatch(name -> name.matches("(?i).*/(LoadTest|LiveHeap|Bench)[^/]*\\.class"));
            assertThat(names).noneMatch(name -> name.startsWith("com/dateline/bench/"));
            assertThat(names).doesNotContain("application-benchmark.properties");
        }
    }

    @Test
    void no_application_class_or_setting_mentions_a_load_test_hook() throws Exception {
        var classes = applicationClasses();
        try (Stream<Path> files = Files.walk(classes)) {
            for (var file : files.filter(Files::isRegularFile)
                    .filter(file -> file.toString().endsWith(".class")
                            || file.toString().endsWith(".properties"))
                    .toList()) {
                var text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
                        .toLowerCase(java.util.Locale.ROOT);
                for (var word : FORBIDDEN_WORDS) {
                    assertThat(text)
                            .as("%s mentions \"%s\"", classes.relativize(file), word)
                            .doesNotContain(word);
                }
            }
        }
    }
}
