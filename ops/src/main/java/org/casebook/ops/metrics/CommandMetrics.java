package org.casebook.ops.metrics;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.casebook.shared.refusal.Refusal;
import org.springframework.stereotype.Component;

/**
 * Times every command from its handling to the end of its transaction (the events stored or not), by
 * command type and outcome ({@code stored}, {@code refused} by a rule, {@code failed}):
 * {@code casebook_commands_seconds} in Prometheus, its count giving the rate and its buckets the latency.
 */
@Component
public class CommandMetrics implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final MeterRegistry meters;

    public CommandMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        long started = System.nanoTime();
        String command = unitOfWork.getMessage().getPayloadType().getSimpleName();
        unitOfWork.onCleanup(done -> {
            String outcome = "stored";
            if (done.getExecutionResult() != null && done.getExecutionResult().isExceptionResult()) {
                outcome = done.getExecutionResult().getExceptionResult() instanceof Refusal ? "refused" : "failed";
            }
            Timer.builder("casebook.commands")
                    .description("Commands handled, from handling to the end of their transaction")
                    .tag("command", command).tag("outcome", outcome)
                    .publishPercentileHistogram()
                    .register(meters)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        });
        return chain.proceed();
    }
}
