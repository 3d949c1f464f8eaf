package org.casebook.query.store;

import java.util.List;

import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.lifecycle.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A read model whose store was emptied (a new MongoDB, a dropped database) while events exist would
 * show empty screens, because its processor's tokens say it is up to date. Just before the processors
 * start, each such read model has its tokens reset, so it rebuilds itself from the first event.
 * Resetting needs every segment: with other nodes already running, the reset is left to an operator.
 */
@Component
public class RebuildWhenEmpty implements ConfigurerModule {

    private static final Logger LOG = LoggerFactory.getLogger(RebuildWhenEmpty.class);

    private final List<ReadModel> readModels;

    public RebuildWhenEmpty(List<ReadModel> readModels) {
        this.readModels = readModels;
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.onStart(Phase.INBOUND_EVENT_CONNECTORS - 1, () -> rebuildEmptyReadModels(configurer.buildConfiguration()));
    }

    private void rebuildEmptyReadModels(Configuration config) {
        TrackingToken head = config.eventStore().createHeadToken();
        boolean eventsExist = head != null && head.position().orElse(-1) >= 0;
        if (!eventsExist) {
            return;
        }
        for (ReadModel readModel : readModels) {
            if (!readModel.isEmpty()) {
                continue;
            }
            config.eventProcessingConfiguration()
                    .eventProcessorByProcessingGroup(readModel.processingGroup(), StreamingEventProcessor.class)
                    .ifPresent(processor -> reset(readModel, processor));
        }
    }

    private static void reset(ReadModel readModel, StreamingEventProcessor processor) {
        try {
            processor.resetTokens();
            LOG.info("Read model '{}' is empty while events exist: rebuilding it from the first event",
                    readModel.processingGroup());
        } catch (RuntimeException e) {
            LOG.warn("Read model '{}' is empty, but its tokens could not be reset ({}); "
                    + "an operator can start a rebuild", readModel.processingGroup(), e.getMessage());
        }
    }
}
