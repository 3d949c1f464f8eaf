package org.casebook.query.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The MongoDB database that holds every read model. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ReadModelProperties.class, FiscalYears.class})
public class ReadModelConfiguration {

    @Bean
    MongoDatabase readModels(MongoClient mongo, ReadModelProperties properties) {
        return mongo.getDatabase(properties.database());
    }
}
