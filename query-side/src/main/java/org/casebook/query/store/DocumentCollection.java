package org.casebook.query.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.casebook.shared.json.CasebookJson;

/**
 * A MongoDB collection of read-model records, one document per record under its id. Records cross
 * to and from BSON through the same JSON form as the events, so dates stay {@code YYYY-MM-DD} strings
 * and amounts stay exact decimal strings. Reads and writes go by exact {@code _id}, which every
 * MongoDB server, the embedded one included, answers from its index.
 * <p>
 * A projection writes one version of a read model, so its collections are fixed; the queries read
 * whichever version is current, so theirs are looked up on every use ({@link ReadModelStore#current}).
 */
public final class DocumentCollection<T> {

    private static final ObjectMapper JSON = CasebookJson.newMapper();
    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    /** Ids asked for in one read. */
    public static final int IDS_PER_READ = 500;

    private final Supplier<MongoCollection<Document>> collection;
    private final Class<T> type;
    private final Function<T, String> idOf;

    public DocumentCollection(MongoCollection<Document> collection, Class<T> type, Function<T, String> idOf) {
        this(() -> collection, type, idOf);
    }

    /** A collection looked up on every use: the current version's, for queries. */
    public DocumentCollection(Supplier<MongoCollection<Document>> collection, Class<T> type, Function<T, String> idOf) {
        this.collection = collection;
        this.type = type;
        this.idOf = idOf;
    }

    public MongoCollection<Document> raw() {
        return collection.get();
    }

    public Optional<T> find(String id) {
        return Optional.ofNullable(raw().find(Filters.eq("_id", id)).first()).map(this::fromDocument);
    }

    /**
     * The records with these ids (those that exist, in no particular order), a few hundred ids to a
     * round trip: one {@code $in} on {@code _id}, which every MongoDB server answers from its index.
     */
    public List<T> findAll(List<String> ids) {
        List<T> found = new ArrayList<>(ids.size());
        findAll(ids, null, doc -> found.add(fromDocument(doc)));
        return found;
    }

    /**
     * The documents with these ids as stored, only the fields of the projection ({@code null}: all), in
     * the same batches of ids as {@link #findAll(List)}.
     */
    public void findAll(List<String> ids, Bson projection, java.util.function.Consumer<Document> each) {
        for (int start = 0; start < ids.size(); start += IDS_PER_READ) {
            raw().find(Filters.in("_id", ids.subList(start, Math.min(ids.size(), start + IDS_PER_READ))))
                    .projection(projection).forEach(each);
        }
    }

    public List<T> find(Bson filter, Bson sort, int skip, int limit) {
        List<T> found = new ArrayList<>();
        raw().find(filter).sort(sort).skip(skip).limit(limit).forEach(doc -> found.add(fromDocument(doc)));
        return found;
    }

    /** Every matching record, read from MongoDB as the caller goes through them. */
    public Iterable<T> each(Bson filter) {
        return raw().find(filter).map(this::fromDocument);
    }

    public long count(Bson filter) {
        return raw().countDocuments(filter);
    }

    public boolean isEmpty() {
        return raw().find().limit(1).first() == null;
    }

    /**
     * Writes every record in one round trip, journaled: answered once the server has them on disk, with
     * every write made before them (the projections write a batch's records last, so this commits the
     * batch before its event processor's token). Writing the same record twice leaves the same document.
     */
    public void writeAll(Collection<T> records) {
        if (records.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(records.size());
        for (T record : records) {
            String id = idOf.apply(record);
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", id), toDocument(id, record), UPSERT));
        }
        raw().withWriteConcern(WriteConcern.JOURNALED).bulkWrite(writes);
    }

    public void clear() {
        raw().deleteMany(new Document());
    }

    /** Any record (a part of a document) in the stored JSON form. */
    public static Document bson(Object record) {
        try {
            return Document.parse(JSON.writeValueAsString(record));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + record.getClass().getSimpleName(), e);
        }
    }

    Document toDocument(String id, T record) {
        try {
            Document document = Document.parse(JSON.writeValueAsString(record));
            document.put("_id", id);
            return document;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + type.getSimpleName() + " " + id, e);
        }
    }

    /**
     * The record a document holds, read through a JSON tree built straight from the decoded document:
     * no JSON text is written and parsed again on the way (that cost most of a large document's read).
     */
    T fromDocument(Document document) {
        try {
            ObjectNode tree = JSON.getNodeFactory().objectNode();
            document.forEach((key, value) -> {
                if (!"_id".equals(key)) {
                    tree.set(key, node(value));
                }
            });
            return JSON.treeToValue(tree, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read " + type.getSimpleName() + " " + document.get("_id"), e);
        }
    }

    /** A decoded BSON value as the JSON node its relaxed JSON text would parse to. */
    private static JsonNode node(Object value) {
        JsonNodeFactory nodes = JSON.getNodeFactory();
        if (value == null) {
            return nodes.nullNode();
        }
        if (value instanceof String text) {
            return nodes.textNode(text);
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = nodes.objectNode();
            map.forEach((key, inner) -> object.set(String.valueOf(key), node(inner)));
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = nodes.arrayNode(list.size());
            list.forEach(inner -> array.add(node(inner)));
            return array;
        }
        if (value instanceof Integer number) {
            return nodes.numberNode(number);
        }
        if (value instanceof Long number) {
            return nodes.numberNode(number);
        }
        if (value instanceof Double number) {
            // As the relaxed JSON text has it: the shortest decimal that reads back as the same double.
            return nodes.numberNode(new java.math.BigDecimal(Double.toString(number)));
        }
        if (value instanceof Decimal128 number) {
            return nodes.numberNode(number.bigDecimalValue());
        }
        if (value instanceof Boolean flag) {
            return nodes.booleanNode(flag);
        }
        // Anything else (dates, ids) Casebook never writes; read it as its relaxed JSON text would.
        try {
            return JSON.readTree(new Document("v", value).toJson(RELAXED)).get("v");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot read a " + value.getClass().getSimpleName(), e);
        }
    }
}
