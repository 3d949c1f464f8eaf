package org.casebook.query.store;

import java.util.List;

import org.bson.Document;

/**
 * One read model: the collections it keeps and the projection that folds the events into them. It
 * exists in versions: the current one serves the queries while a rebuild folds every event into a new
 * one beside it, each version in its own collections ({@link ReadModelStore#collectionName}) and fed by
 * its own event processor. The operations module runs the processors and switches the versions.
 */
public interface ReadModel {

    /** The read model's name, and the processing group of its first version. */
    String name();

    /** The names of its collections, as the first version has them. */
    List<String> collections();

    /** A projection that folds events into the collections of this version. */
    Projection projection(ReadModelStore store, int version);

    /** Prepares a version's collections (indexes) before its projection first writes to them. */
    default void prepare(ReadModelStore store, int version) {
    }

    /**
     * A stored document as two versions folded from the same events must agree on it, for comparing
     * them; {@code null}: a document that holds nothing (a shared document whose last part was removed
     * stays behind, or not, depending on how the events fell into batches) or work in progress.
     */
    default Document comparable(String collection, Document document) {
        return document;
    }

    /** Segments of its event processor: parts of the event stream folded side by side, by engagement. */
    default int segments() {
        return 4;
    }
}
