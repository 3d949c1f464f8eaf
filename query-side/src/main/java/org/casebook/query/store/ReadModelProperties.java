package org.casebook.query.store;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the read models ({@code casebook.read-models.*}).
 *
 * @param database      the MongoDB database that holds them
 * @param positionWait  how long a query given {@code minPosition} waits for the read models to reach it
 *                      before answering with what they have (and saying so in a header)
 */
@ConfigurationProperties("casebook.read-models")
public record ReadModelProperties(@DefaultValue("casebook") String database,
                                  @DefaultValue("5s") Duration positionWait) {
}
