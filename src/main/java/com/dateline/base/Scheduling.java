package com.dateline.base;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the features' {@code @Scheduled} work (notices' digests and alerts). Each setting for it names an interval or a
 * cron expression; {@code -} turns a cron job off, which the tests do to run that work only when they ask.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class Scheduling {}
