package org.casebook.query.reference;

import java.util.List;

import org.casebook.query.store.DocumentCollection;
import org.casebook.query.store.ReadModel;
import org.casebook.query.store.ReadModelStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Centers and exchange rates as reports need them. The beans read the version that serves the queries. */
@Configuration(proxyBeanMethods = false)
public class ReferenceReadModel implements ReadModel {

    public static final String NAME = "reference-data";
    static final String RATES = "exchange_rates";
    static final String CENTERS = "centers";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> collections() {
        return List.of(RATES, CENTERS);
    }

    /** A few hundred events in all: one segment folds them. */
    @Override
    public int segments() {
        return 1;
    }

    @Override
    public ReferenceDataProjection projection(ReadModelStore store, int version) {
        return new ReferenceDataProjection(
                new DocumentCollection<>(store.collection(RATES, version), ExchangeRateView.class, ExchangeRateView::id),
                new DocumentCollection<>(store.collection(CENTERS, version), CenterView.class, CenterView::id));
    }

    @Bean
    DocumentCollection<ExchangeRateView> exchangeRateViews(ReadModelStore store) {
        return new DocumentCollection<>(store.current(NAME, RATES), ExchangeRateView.class, ExchangeRateView::id);
    }

    @Bean
    DocumentCollection<CenterView> centerViews(ReadModelStore store) {
        return new DocumentCollection<>(store.current(NAME, CENTERS), CenterView.class, CenterView::id);
    }
}
