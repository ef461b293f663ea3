package com.dateline.comment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The load harness posts many comments per reader, so the {@code benchmark} profile lifts the flood limits (as an
 * admin could at /admin/moderation/settings). Everything else in the policy, pre-moderation included, stays on.
 */
@Component
@Profile("benchmark")
@Order(6)
class LoadTestPolicy implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LoadTestPolicy.class);

    private final CommentPolicyRepository policies;

    LoadTestPolicy(CommentPolicyRepository policies) {
        this.policies = policies;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        var policy = policies.current();
        policy.setLimits(policy.getTrustThreshold(), policy.getLinkHoldThreshold(), 0, 10_000);
        log.info("Benchmark profile: flood limits lifted (no pause between comments, 10,000 a day)");
    }
}
