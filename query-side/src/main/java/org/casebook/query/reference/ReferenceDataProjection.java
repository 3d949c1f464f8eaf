package org.casebook.query.reference;

import java.time.Instant;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.casebook.query.store.DocumentCollection;
import org.casebook.query.store.ProjectionBatch;
import org.casebook.query.store.Projection;
import org.casebook.shared.event.CenterDefined;
import org.casebook.shared.event.ExchangeRateSet;

/** Centers and exchange rates, as reports need them. */
public class ReferenceDataProjection implements Projection {

    private final DocumentCollection<ExchangeRateView> rates;
    private final DocumentCollection<CenterView> centers;
    private final ProjectionBatch<ExchangeRateView> rateBatch;
    private final ProjectionBatch<CenterView> centerBatch;

    public ReferenceDataProjection(DocumentCollection<ExchangeRateView> rates, DocumentCollection<CenterView> centers) {
        this.rates = rates;
        this.centers = centers;
        this.rateBatch = new ProjectionBatch<>(rates, "exchange-rates");
        this.centerBatch = new ProjectionBatch<>(centers, "centers");
    }

    @EventHandler
    void on(ExchangeRateSet event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        rateBatch.update(ExchangeRateView.idOf(event.currency(), event.month().toString()),
                current -> ExchangeRateView.fold(current, event, recordedAt, sequence));
    }

    @EventHandler
    void on(CenterDefined event, @SequenceNumber long sequence) {
        centerBatch.update(event.centerId().value(), current -> current != null && sequence <= current.lastSequence()
                ? current : new CenterView(event.centerId().value(), event.name(), event.country(), sequence));
    }

    @Override
    public boolean isEmpty() {
        return rates.isEmpty() && centers.isEmpty();
    }
}
