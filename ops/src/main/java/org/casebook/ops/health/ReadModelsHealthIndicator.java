package org.casebook.ops.health;

import java.util.Map;

import org.casebook.ops.readmodels.DeadLetters;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * How many events the read models have parked, by processor. Parked events leave the service up (every
 * other engagement folds on), but an operator must look: the count says so.
 */
@Component
public class ReadModelsHealthIndicator extends AbstractHealthIndicator {

    private final DeadLetters deadLetters;

    public ReadModelsHealthIndicator(DeadLetters deadLetters) {
        super("The read models' dead letters could not be counted");
        this.deadLetters = deadLetters;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, Long> parked = deadLetters.countsByProcessor();
        builder.up().withDetail("parkedEvents", parked.values().stream().mapToLong(Long::longValue).sum())
                .withDetail("parkedByProcessor", parked);
    }
}
