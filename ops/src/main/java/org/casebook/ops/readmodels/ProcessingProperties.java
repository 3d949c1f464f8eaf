package org.casebook.ops.readmodels;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this node folds events into the read models ({@code casebook.read-models.processing.*}).
 *
 * @param enabled             false: this process folds nothing (a command-line tool beside running nodes)
 * @param threads             threads per read model that fold its segments side by side
 * @param batchSize           events folded in one batch, one transaction: live, what has arrived; in a
 *                            rebuild, the whole size, so a document many engagements share is written
 *                            once for many events
 * @param maxClaimedSegments  the most segments of one read model this node folds; the others are left
 *                            to other nodes (0: no cap)
 * @param claimInterval       how often a node looks for segments nobody holds (a node that died)
 * @param retireAfter         how long a replaced version keeps folding after a switch, for nodes and
 *                            requests still on it, before its tokens and collections are dropped
 * @param poll                how often each node reads the versions and builds from PostgreSQL
 */
@ConfigurationProperties("casebook.read-models.processing")
public record ProcessingProperties(@DefaultValue("true") boolean enabled,
                                   @DefaultValue("2") int threads,
                                   @DefaultValue("1000") int batchSize,
                                   @DefaultValue("0") int maxClaimedSegments,
                                   @DefaultValue("1s") Duration claimInterval,
                                   @DefaultValue("2m") Duration retireAfter,
                                   @DefaultValue("500ms") Duration poll) {
}
