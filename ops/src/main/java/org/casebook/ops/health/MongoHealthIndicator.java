package org.casebook.ops.health;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** The read-model store answers a ping. (Boot's own MongoDB check needs Spring Data, which Casebook does not use.) */
@Component
public class MongoHealthIndicator extends AbstractHealthIndicator {

    private final MongoDatabase readModels;

    public MongoHealthIndicator(MongoDatabase readModels) {
        super("MongoDB health check failed");
        this.readModels = readModels;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        readModels.runCommand(new Document("ping", 1));
        builder.up().withDetail("database", readModels.getName());
    }
}
