package org.casebook.query.store;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        drop(readModel.collections(), version);
    }

    /**
     * Removes these collections of a version for good (a read model's, or those an older shape of it
     * kept), those that are there.
     */
    public void drop(List<String> names, int version) {
        Set<String> present = database.listCollectionNames().into(new HashSet<>());
        for (String collection : names) {
            String name = collectionName(collection, version);
            if (present.contains(name)) {
                collection(collection, version).drop();
            }
            collections.remove(name);
        }
    }

    public MongoDatabase database() {
        return database;
    }
}
