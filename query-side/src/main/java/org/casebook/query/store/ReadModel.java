package org.casebook.query.store;

/** A projection and the processing group that feeds it, so that operations can tell its state. */
public interface ReadModel {

    String processingGroup();

    /**
     * Whether the read model lacks what any history of events gives it: no document at all, or an
     * empty collection that every engagement fills (a new store, or a collection an upgrade added).
     * Such a read model is rebuilt from the first event.
     */
    boolean isEmpty();
}
