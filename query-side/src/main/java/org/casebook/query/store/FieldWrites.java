package org.casebook.query.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Writes of single fields of documents that several segments of a processor share (each segment
 * owns its own fields), so that no segment writes back another's part of a document. Within an event
 * batch the writes to one document are gathered into one update (the last value of each field wins),
 * sent with the others as one bulk write when the batch commits; at once outside a unit of work.
 */
public final class FieldWrites implements DerivedWrites {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    /** Marks a field to remove. */
    private static final Object UNSET = new Object();

    private final MongoCollection<Document> collection;
    private final String resourceKey;

    public FieldWrites(MongoCollection<Document> collection, String name) {
        this.collection = collection;
        this.resourceKey = FieldWrites.class.getName() + "/" + name;
    }

    /** Sets the field of the document with this id, creating the document if there is none. */
    public void set(String id, String field, Object value) {
        write(id, field, value);
    }

    public void unset(String id, String field) {
        write(id, field, UNSET);
    }

    private void write(String id, String field, Object value) {
        if (!CurrentUnitOfWork.isStarted()) {
            collection.bulkWrite(List.of(update(id, Map.of(field, value))));
            return;
        }
        pending(CurrentUnitOfWork.get().root()).computeIfAbsent(id, key -> new LinkedHashMap<>()).put(field, value);
    }

    @Override
    public void enlist(UnitOfWork<?> root) {
        pending(root);
    }

    private Map<String, Map<String, Object>> pending(UnitOfWork<?> root) {
        return root.getOrComputeResource(resourceKey, key -> {
            Map<String, Map<String, Object>> documents = new LinkedHashMap<>();
            root.onPrepareCommit(unit -> {
                if (!documents.isEmpty()) {
                    List<WriteModel<Document>> writes = new ArrayList<>(documents.size());
                    documents.forEach((id, fields) -> writes.add(update(id, fields)));
                    collection.bulkWrite(writes);
                }
            });
            return documents;
        });
    }

    private static UpdateOneModel<Document> update(String id, Map<String, Object> fields) {
        List<Bson> changes = new ArrayList<>(fields.size());
        fields.forEach((field, value) -> changes.add(value == UNSET ? Updates.unset(field) : Updates.set(field, value)));
        return new UpdateOneModel<>(new Document("_id", id), Updates.combine(changes), UPSERT);
    }
}
