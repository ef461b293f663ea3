package com.dateline.base;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The blog's identity as the newsroom configures it under {@code dateline.blog.*}. */
@ConfigurationProperties("dateline.blog")
public record BlogProperties(
        @DefaultValue("Babylon & Beyond") String title,
        @DefaultValue("Observations from Iraq, Iran, Israel, the Arab world and beyond") String tagline,
        @DefaultValue("America/Los_Angeles") ZoneId timeZone) {}
