package org.casebook.ops.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.casebook.shared.personal.PersonalDataKeys;
import org.casebook.shared.personal.PersonalFields;
import org.casebook.shared.personal.Sealing;

/**
 * The event and snapshot serializer: Jackson JSON, with the {@code @PersonalData} values of an
 * engagement's events (and of its snapshots) sealed with the client's key on the way into the store and
 * opened on the way out. Every other message passes through untouched.
 */
public class SealingSerializer implements Serializer {

    private static final String ENGAGEMENT_ID = "engagementId";

    private final JacksonSerializer json;
    private final ObjectMapper mapper;
    private final PersonalDataKeys keys;

    public SealingSerializer(JacksonSerializer json, PersonalDataKeys keys) {
        this.json = json;
        this.mapper = json.getObjectMapper();
        this.keys = keys;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (object == null || !PersonalFields.any(object.getClass())) {
            return json.serialize(object, expectedRepresentation);
        }
        ObjectNode tree = mapper.valueToTree(object);
        Sealing.seal(object.getClass(), tree, subjectOf(tree), keys);
        SerializedType type = json.typeForClass(object.getClass());
        return getConverter().convert(new SimpleSerializedObject<>(tree, JsonNode.class, type), expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        Class<?> type = json.classForType(serializedObject.getType());
        if (!PersonalFields.any(type)) {
            return json.deserialize(serializedObject);
        }
        JsonNode tree = getConverter().convert(serializedObject, JsonNode.class).getData().deepCopy();
        Sealing.open(type, tree, subjectOf(tree), keys);
        return json.deserialize(new SimpleSerializedObject<>(tree, JsonNode.class, serializedObject.getType()));
    }

    /** Whose data it is: an event's {@code engagementId}, or the {@code id} of an engagement's snapshot. */
    private static String subjectOf(JsonNode tree) {
        return tree.hasNonNull(ENGAGEMENT_ID) ? tree.get(ENGAGEMENT_ID).asText() : tree.path("id").asText();
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return json.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return json.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return json.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return json.getConverter();
    }
}
