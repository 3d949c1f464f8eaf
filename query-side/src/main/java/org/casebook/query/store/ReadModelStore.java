package org.casebook.query.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The read models' collections in MongoDB, by version: the first version of a read model keeps its
 * collections' plain names ({@code engagements}), a later one adds its number ({@code engagements_v2}).
 */
@Component
public class ReadModelStore {

    private final MongoDatabase database;
    private final ReadModelVersions versions;
    private final Map<String, MongoCollection<Document>> collections = new ConcurrentHashMap<>();

    public ReadModelStore(MongoDatabase readModels, ReadModelVersions versions) {
        this.database = readModels;
        this.versions = versions;
    }

    public static String collectionName(String collection, int version) {
        return version == ReadModelVersions.FIRST ? collection : collection + "_v" + version;
    }

    /** The collection of this version. */
    public MongoCollection<Document> collection(String collection, int version) {
        return collections.computeIfAbsent(collectionName(collection, version),
                name -> database.getCollection(name, Document.class));
    }

    /** The collection of whichever version of the read model serves the queries at the moment of each use. */
    public Supplier<MongoCollection<Document>> current(String readModel, String collection) {
        return () -> collection(collection, versions.current(readModel));
    }

    /** Removes a version's collections for good. */
    public void drop(ReadModel readModel, int version) {
        for (String collection : readModel.collections()) {
            collection(collection, version).drop();
            collections.remove(collectionName(collection, version));
        }
    }

    public MongoDatabase database() {
        return database;
    }
}
