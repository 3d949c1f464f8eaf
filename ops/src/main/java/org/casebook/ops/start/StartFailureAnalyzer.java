package org.casebook.ops.start;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;

/**
 * Lets Spring Boot's start-up report say what {@link StartFailure} says, in place of a stack trace, for
 * the failures a person can fix; ahead of Boot's own analyzers, so one wording serves every port.
 */
public class StartFailureAnalyzer implements FailureAnalyzer, Ordered {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        return StartFailure.of(failure).map(known -> new FailureAnalysis(known.description(), known.action(), failure))
                .orElse(null);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
