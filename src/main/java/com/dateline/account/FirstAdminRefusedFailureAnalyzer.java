package com.dateline.account;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A first administrator refused at start-up stops the start with the reason and the fix, not a stack trace. */
class FirstAdminRefusedFailureAnalyzer extends AbstractFailureAnalyzer<FirstAdminRefused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, FirstAdminRefused cause) {
        return new FailureAnalysis(
                String.valueOf(cause.getMessage()),
                "Set DATELINE_ADMIN_EMAIL to the administrator's address and DATELINE_ADMIN_PASSWORD to a password of"
                        + " at least 12 characters that is neither that address nor a common password, and start again.",
                cause);
    }
}
