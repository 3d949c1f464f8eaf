package org.casebook.ops.audit;

import org.casebook.ops.start.OneShot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The operators' check of every audit chain: started with {@code --casebook.audit.check-chains=true}, it
 * prints the count of good and broken chains (and each broken one), then stops the service with exit
 * code 0 if all are whole and 1 if any is broken.
 */
@Component
@Order(10)
class ChainCheckRunner implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ChainCheckRunner.class);

    private final ChainCheck check;
    private final ConfigurableApplicationContext context;
    private final boolean enabled;

    ChainCheckRunner(ChainCheck check, ConfigurableApplicationContext context,
                     @Value("${casebook.audit.check-chains:false}") boolean enabled) {
        this.check = check;
        this.context = context;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (!enabled) {
            return;
        }
        ChainCheck.Outcome outcome = check.run();
        ChainCheck.report(outcome).forEach(System.out::println);
        LOG.info("Audit chain check done: {} good, {} broken", outcome.good(), outcome.broken().size());
        int code = outcome.broken().isEmpty() ? 0 : 1;
        OneShot.exit(context, code);
    }
}
