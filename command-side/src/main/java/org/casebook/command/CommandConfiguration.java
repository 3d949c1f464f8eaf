package org.casebook.command;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotterFactoryBean;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.casebook.command.web.CommandDispatcher;
import org.casebook.shared.actor.Actor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the command handlers are given besides their commands. */
@Configuration(proxyBeanMethods = false)
public class CommandConfiguration {

    /**
     * What every event inherits from the command that caused it: the request's correlation id, who
     * made the change (user and role), and
     * (as {@code causationId} and {@code traceId}) the message that caused it and the first message of
     * the chain.
     */
    @Bean
    public CorrelationDataProvider requestCorrelation() {
        return new SimpleCorrelationDataProvider(CommandDispatcher.CORRELATION_ID, Actor.USER_ID, Actor.ROLE);
    }

    /** Registered on the command bus by Axon, as every handler interceptor bean is. */
    @Bean
    public ActorRequired actorRequired() {
        return new ActorRequired();
    }

    @Bean
    public CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider("causationId", "traceId");
    }

    /**
     * Engagements are loaded from a snapshot plus the events after it: a ten-year engagement loads as
     * fast as a new one. A snapshot is taken every {@code casebook.command.snapshot-threshold} events.
     */
    @Bean
    public SnapshotTriggerDefinition engagementSnapshotTrigger(Snapshotter snapshotter,
                                                               @Value("${casebook.command.snapshot-threshold:250}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * Two people changing the same engagement at once: the one who loses the race for the next sequence
     * number is retried once, at once, against the engagement as the winner left it (every command is
     * decided afresh, and its ids are made before it is sent, so a retry cannot store anything twice).
     * A second loss is answered 409, to reload. A command a rule refuses is not retried: it would be
     * refused again.
     */
    @Bean
    public CommandGateway commandGateway(CommandBus commandBus) {
        ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(IntervalRetryScheduler.builder()
                        .retryExecutor(retries).maxRetryCount(1).retryInterval(10)
                        .nonTransientFailurePredicate(new org.axonframework.commandhandling.gateway.AxonNonTransientExceptionClassesPredicate()
                                .or(org.casebook.shared.refusal.Refusal.class::isInstance))
                        .build())
                .build();
    }

    /**
     * Snapshots are taken on a thread of their own, after the command's transaction: the command's
     * thread then never waits for a second database connection while it holds the engagement's lock,
     * which, with many writers of one engagement at once, could starve the connection pool.
     */
    @Bean
    public SpringAggregateSnapshotterFactoryBean snapshotter() {
        SpringAggregateSnapshotterFactoryBean snapshotter = new SpringAggregateSnapshotterFactoryBean();
        snapshotter.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "snapshotter");
            thread.setDaemon(true);
            return thread;
        }));
        return snapshotter;
    }
}
