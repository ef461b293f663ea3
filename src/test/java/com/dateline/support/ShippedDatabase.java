package com.dateline.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * The database settings the application ships with (src/main/resources/application.properties), which the test
 * configuration replaces with an in-memory database. Tests about the file database use these, so that they test the
 * settings a newsroom runs with.
 */
public final class ShippedDatabase {

    private ShippedDatabase() {}

    /** {@code spring.datasource.url} as shipped, with its {@code ${dateline.data-dir}} placeholder. */
    public static String url() {
        try {
            var properties = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));
            return properties.getProperty("spring.datasource.url");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped URL for a database in {@code dataDir}. */
    public static String url(Path dataDir) {
        return url().replace("${dateline.data-dir}", dataDir.toString());
    }
}
