package org.casebook.query.store;

/** The event handlers of one version of a {@link ReadModel}, with what its processor may ask of it. */
public interface Projection {

    /**
     * Whether the read model lacks what any history of events gives it: no document at all, or an
     * empty collection that every engagement fills (a new store, or a collection an upgrade added).
     * Such a read model is rebuilt from the first event.
     */
    boolean isEmpty();

    /**
     * Does up to {@code most} pieces of the work a replay of past events left for later (a replay folds
     * fast and counts derived figures once at the end).
     *
     * @return how many it did; none: nothing is left
     */
    default int settle(int most) {
        return 0;
    }
}
