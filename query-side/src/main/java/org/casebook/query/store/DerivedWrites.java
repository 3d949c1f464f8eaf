package org.casebook.query.store;

import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Writes of documents derived from a projection's records, made when an event batch commits. A
 * {@link ProjectionBatch} enlists them before its records, in the order it was given them.
 */
public interface DerivedWrites {

    /** Takes part in the unit of work's commit from now on, so that its writes go before those enlisted later. */
    void enlist(UnitOfWork<?> root);
}
