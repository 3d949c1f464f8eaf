package org.casebook.query.store;

/** A projection and the processing group that feeds it, so that operations can tell its state. */
public interface ReadModel {

    String processingGroup();

    /** Whether the read model holds no document at all. */
    boolean isEmpty();
}
