package org.casebook.shared.personal;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where the {@link PersonalData} values sit in an event's JSON form: the paths of the marked
 * components, found once per type by walking its record components (and those of the records inside
 * it, such as the owner and the contact); for a class that is not a record, its marked fields. Every place that seals, opens or redacts personal data
 * walks the same paths.
 */
public final class PersonalFields {

    private static final Map<Class<?>, List<List<String>>> PATHS = new ConcurrentHashMap<>();

    private PersonalFields() {
    }

    /** The JSON paths of the type's personal values; empty when it has none. */
    public static List<List<String>> of(Class<?> type) {
        return PATHS.computeIfAbsent(type, t -> {
            List<List<String>> found = new ArrayList<>();
            collect(t, List.of(), found);
            return List.copyOf(found);
        });
    }

    public static boolean any(Class<?> type) {
        return !of(type).isEmpty();
    }

    private static void collect(Class<?> type, List<String> prefix, List<List<String>> found) {
        if (!type.isRecord()) {
            if (prefix.isEmpty()) {
                for (java.lang.reflect.Field field : type.getDeclaredFields()) {
                    if (field.isAnnotationPresent(PersonalData.class)
                            && !java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                        found.add(List.of(field.getName()));
                    }
                }
            }
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            List<String> path = new ArrayList<>(prefix);
            path.add(component.getName());
            if (component.isAnnotationPresent(PersonalData.class)) {
                found.add(List.copyOf(path));
            } else if (component.getType().isRecord() && prefix.size() < 4) {
                collect(component.getType(), path, found);
            }
        }
    }

    /**
     * Replaces each present, non-null personal value of the tree by what {@code change} makes of it
     * (given the value node and its dotted path), in place.
     */
    public static void rewrite(Class<?> type, JsonNode tree, PathFunction change) {
        for (List<String> path : of(type)) {
            JsonNode parent = tree;
            for (int i = 0; i < path.size() - 1 && parent != null; i++) {
                parent = parent.get(path.get(i));
            }
            String last = path.get(path.size() - 1);
            if (parent instanceof ObjectNode object && object.hasNonNull(last)) {
                object.set(last, change.apply(String.join(".", path), object.get(last)));
            }
        }
    }

    /** Replaces every personal value present with the same text: {@link PersonalData#REDACTED}, say. */
    public static void replaceAll(Class<?> type, JsonNode tree, String text) {
        rewrite(type, tree, (path, value) -> JsonNodeFactory.instance.textNode(text));
    }

    @FunctionalInterface
    public interface PathFunction {
        JsonNode apply(String path, JsonNode value);
    }

}
