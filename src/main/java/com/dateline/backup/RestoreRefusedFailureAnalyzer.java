package com.dateline.backup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A refused restore stops the start with the reason and the next step, not a stack trace. */
class RestoreRefusedFailureAnalyzer extends AbstractFailureAnalyzer<RestoreRefused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RestoreRefused cause) {
        return new FailureAnalysis(String.valueOf(cause.getMessage()), cause.action(), cause);
    }
}
