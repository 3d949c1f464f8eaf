package org.casebook.query.store;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Updates of single fields of documents that several segments of a processor share (each segment
 * owns its own fields), so that no segment writes back another's part of the document. Sent as one
 * ordered bulk write when the processor's batch commits; at once outside a unit of work.
 */
public final class FieldWrites {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> collection;
    private final String resourceKey;

    public FieldWrites(MongoCollection<Document> collection, String name) {
        this.collection = collection;
        this.resourceKey = FieldWrites.class.getName() + "/" + name;
    }

    /** Applies the update to the document with this id, creating it if there is none. */
    public void update(String id, Bson update) {
        UpdateOneModel<Document> write = new UpdateOneModel<>(new Document("_id", id), update, UPSERT);
        if (!CurrentUnitOfWork.isStarted()) {
            collection.bulkWrite(List.of(write));
            return;
        }
        pending(CurrentUnitOfWork.get().root()).add(write);
    }

    private List<WriteModel<Document>> pending(UnitOfWork<?> root) {
        return root.getOrComputeResource(resourceKey, key -> {
            List<WriteModel<Document>> writes = new ArrayList<>();
            root.onPrepareCommit(unit -> {
                if (!writes.isEmpty()) {
                    collection.bulkWrite(writes);
                }
            });
            return writes;
        });
    }
}
