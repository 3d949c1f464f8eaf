package org.casebook.query.reference;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.casebook.query.store.DocumentCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReferenceReadModelConfiguration {

    @Bean
    DocumentCollection<ExchangeRateView> exchangeRateViews(MongoDatabase readModels) {
        return new DocumentCollection<>(readModels.getCollection("exchange_rates", Document.class),
                ExchangeRateView.class, ExchangeRateView::id);
    }

    @Bean
    DocumentCollection<CenterView> centerViews(MongoDatabase readModels) {
        return new DocumentCollection<>(readModels.getCollection("centers", Document.class), CenterView.class,
                CenterView::id);
    }
}
