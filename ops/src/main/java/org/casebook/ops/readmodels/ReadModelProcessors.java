package org.casebook.ops.readmodels;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.mongodb.MongoException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;
import org.axonframework.serialization.Serializer;
import org.casebook.query.store.Projection;
import org.casebook.query.store.ReadModel;
import org.casebook.query.store.ReadModelStore;
import org.casebook.query.store.ReadModelVersions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The event processors that fold events into the read models on this node: one per version being
 * served or built, each a pooled streaming processor with its own name (the read model's name for its
 * first version, {@code name-vN} after), its own tokens, and its own dead-letter queue in PostgreSQL.
 * Axon 4 cannot add processing groups to a running configuration, so these are built here, at run
 * time, from the same event store, token store and transactions as Axon's own.
 * <p>
 * An event a projection cannot fold is parked in the dead-letter queue, and so is every later event
 * of the same engagement (they must fold in order), while other engagements go on. A failure of
 * MongoDB itself parks nothing: the batch fails and is retried until MongoDB answers.
 */
@Component
@EnableConfigurationProperties(ProcessingProperties.class)
public class ReadModelProcessors {

    private static final Logger LOG = LoggerFactory.getLogger(ReadModelProcessors.class);

    /** A processor and what it folds into. */
    public record Run(ReadModel readModel, int version, String name, Projection projection,
                      PooledStreamingEventProcessor processor, DeadLetteringEventHandlerInvoker deadLettering,
                      JdbcSequencedDeadLetterQueue<EventMessage<?>> deadLetters, List<ScheduledExecutorService> executors) {
    }

    private final org.axonframework.config.Configuration axon;
    private final TokenStore tokenStore;
    private final TransactionManager transactions;
    private final ConnectionProvider connections;
    private final DeadLetterSchema deadLetterSchema;
    private final Serializer serializer;
    private final Serializer eventSerializer;
    private final ReadModelStore store;
    private final ProcessingProperties properties;
    private final MeterRegistry meters;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    /** The nodes that fold events now, this one included, as PostgreSQL last said. */
    private volatile int liveNodes = 1;

    public ReadModelProcessors(@Lazy org.axonframework.config.Configuration axon, TokenStore tokenStore,
                               TransactionManager transactions, ConnectionProvider connections,
                               DeadLetterSchema deadLetterSchema, Serializer serializer,
                               @Qualifier("eventSerializer") Serializer eventSerializer, ReadModelStore store,
                               ProcessingProperties properties, MeterRegistry meters) {
        this.axon = axon;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        this.connections = connections;
        this.deadLetterSchema = deadLetterSchema;
        this.serializer = serializer;
        this.eventSerializer = eventSerializer;
        this.store = store;
        this.properties = properties;
        this.meters = meters;
    }

    /** The name of a version's processor, tokens and dead letters. */
    public static String processorName(String readModel, int version) {
        return version == ReadModelVersions.FIRST ? readModel : readModel + "-v" + version;
    }

    /** A processor's read model and version: {@code engagements} is version 1, {@code engagements-v4} version 4. */
    static String[] readModelAndVersion(String processor) {
        int mark = processor.lastIndexOf("-v");
        if (mark > 0 && processor.substring(mark + 2).chars().allMatch(Character::isDigit) && mark + 2 < processor.length()) {
            return new String[] {processor.substring(0, mark), processor.substring(mark + 2)};
        }
        return new String[] {processor, "1"};
    }

    /** Starts folding into this version on this node, unless it already does; the nodes share its segments. */
    public Run start(ReadModel readModel, int version) {
        return start(readModel, version, true);
    }

    /**
     * Starts folding into this version on this node, unless it already does.
     *
     * @param shared whether every node folds this version (its segments shared fairly among them), or
     *               only this one (a consistency check's scratch version: it takes every segment)
     */
    public synchronized Run start(ReadModel readModel, int version, boolean shared) {
        String name = processorName(readModel.name(), version);
        Run existing = runs.get(name);
        if (existing != null) {
            return existing;
        }
        readModel.prepare(store, version);
        Projection projection = readModel.projection(store, version);
        JdbcSequencedDeadLetterQueue<EventMessage<?>> deadLetters = deadLetterQueue(name);
        DeadLetteringEventHandlerInvoker invoker = DeadLetteringEventHandlerInvoker.builder()
                .eventHandlers(projection)
                .parameterResolverFactory(axon.parameterResolverFactory())
                .handlerDefinition(axon.handlerDefinition(projection.getClass()))
                .sequencingPolicy(SequentialPerAggregatePolicy.instance())
                .queue(deadLetters)
                .enqueuePolicy(parkUnlessMongoFailed())
                .transactionManager(transactions)
                .build();
        ScheduledExecutorService coordinator = Executors.newScheduledThreadPool(1,
                new AxonThreadFactory("Coordinator[" + name + "]"));
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(properties.threads(),
                new AxonThreadFactory("WorkPackage[" + name + "]"));
        PooledStreamingEventProcessor.Builder builder = PooledStreamingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(invoker)
                .messageSource(axon.eventStore())
                .tokenStore(tokenStore)
                .transactionManager(transactions)
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(readModel.segments())
                // A version starts from the first event, its past events marked as replayed: folds that
                // count derived figures leave them to the end of the replay (Projection.settle).
                .initialToken(source -> ReplayToken.createReplayToken(source.createHeadToken(), source.createTailToken()))
                .batchSize(properties.batchSize())
                .tokenClaimInterval(properties.claimInterval().toMillis())
                .claimExtensionThreshold(Math.max(500, properties.claimInterval().toMillis()))
                .messageMonitor(folded(readModel.name(), version));
        builder.maxSegmentProvider(processor -> shared ? fairShare(readModel.segments()) : readModel.segments());
        PooledStreamingEventProcessor processor = builder.build();
        Run run = new Run(readModel, version, name, projection, processor, invoker, deadLetters,
                List.of(coordinator, workers));
        runs.put(name, run);
        processor.start();
        LOG.info("Folding events into version {} of the read model '{}'", version, readModel.name());
        return run;
    }

    /**
     * The most segments of a read model this node holds: an even share among the nodes alive (so a
     * node that joins gets its part, released by the others), never more than the configured cap; a
     * node that dies stops counting after a few seconds, and the others take its segments.
     */
    int fairShare(int segments) {
        int share = (segments + Math.max(1, liveNodes) - 1) / Math.max(1, liveNodes);
        return properties.maxClaimedSegments() > 0 ? Math.min(share, properties.maxClaimedSegments()) : share;
    }

    void liveNodes(int nodes) {
        this.liveNodes = Math.max(1, nodes);
    }

    /** Stops folding into this version on this node, releasing its segments to other nodes. */
    public void stop(String name) {
        Run run;
        synchronized (this) {
            run = runs.remove(name);
        }
        if (run != null) {
            stop(run);
        }
    }

    public void stopAll() {
        List<Run> all;
        synchronized (this) {
            all = List.copyOf(runs.values());
            runs.clear();
        }
        all.parallelStream().forEach(ReadModelProcessors::stop);
    }

    private static void stop(Run run) {
        try {
            run.processor().shutDown();
        } finally {
            run.executors().forEach(executor -> {
                executor.shutdown();
                try {
                    executor.awaitTermination(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    public Optional<Run> run(String name) {
        return Optional.ofNullable(runs.get(name));
    }

    public Collection<Run> runs() {
        return List.copyOf(runs.values());
    }

    /** A dead-letter queue of one processor, for tools that read or retry it without folding. */
    JdbcSequencedDeadLetterQueue<EventMessage<?>> deadLetterQueue(String processor) {
        return JdbcSequencedDeadLetterQueue.builder()
                .processingGroup(processor)
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(deadLetterSchema)
                .statementFactory(PagedDeadLetterStatements.of(deadLetterSchema, serializer, eventSerializer))
                .genericSerializer(serializer)
                .eventSerializer(eventSerializer)
                .build();
    }

    /**
     * Parks an event its projection fails on; but a failure to reach MongoDB is no fault of the event:
     * it fails the batch, which the processor retries.
     */
    private static EnqueuePolicy<EventMessage<?>> parkUnlessMongoFailed() {
        return (letter, cause) -> {
            for (Throwable at = cause; at != null; at = at.getCause()) {
                if (at instanceof MongoException mongo) {
                    throw mongo;
                }
            }
            return Decisions.enqueue(cause);
        };
    }

    /** Counts the events each version folds, for the metrics. */
    private MessageMonitor<EventMessage<?>> folded(String readModel, int version) {
        Counter counter = Counter.builder("casebook.read.model.events.folded")
                .description("Events folded into a read model")
                .tag("read_model", readModel).tag("version", Integer.toString(version))
                .register(meters);
        return message -> {
            counter.increment();
            return NoOpMessageMonitorCallback.INSTANCE;
        };
    }
}
