package com.dateline.base;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A missing or unusable public address stops the start with the setting to fix, not a stack trace. */
class PublicAddressRefusedFailureAnalyzer extends AbstractFailureAnalyzer<PublicAddressRefused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PublicAddressRefused cause) {
        return new FailureAnalysis(
                String.valueOf(cause.getMessage()),
                "Set " + PublicAddressCheck.SETTING + " to the blog's public address and start again, e.g."
                        + " --dateline.blog.base-url=https://blog.example.org",
                cause);
    }
}
