package org.casebook.query.store;

import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The MongoDB database that holds every read model. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ReadModelProperties.class, FiscalYears.class})
public class ReadModelConfiguration {

    /** How long a start waits for MongoDB to answer before it fails, saying so. */
    static final long REACHABLE_WITHIN_SECONDS = 10;

    /**
     * The read models' database, once MongoDB has answered: a start with MongoDB out of reach fails within
     * seconds, not after the driver's half a minute of trying for every operation.
     */
    @Bean
    MongoDatabase readModels(MongoClient mongo, ReadModelProperties properties) {
        MongoDatabase database = mongo.getDatabase(properties.database());
        database.withTimeout(REACHABLE_WITHIN_SECONDS, TimeUnit.SECONDS).runCommand(new Document("ping", 1));
        return database;
    }
}
