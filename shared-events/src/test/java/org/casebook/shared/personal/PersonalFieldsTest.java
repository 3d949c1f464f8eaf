package org.casebook.shared.personal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.casebook.shared.event.EngagementEvent;
import org.junit.jupiter.api.Test;

/**
 * Every value marked {@link PersonalData} anywhere in an event is one that sealing finds: a mark the
 * walk cannot reach (inside a list, or behind an interface) would leave the value in clear, silently.
 */
class PersonalFieldsTest {

    @Test
    void everyMarkInAnyEventIsOneTheSealingFinds() {
        Set<String> marked = new HashSet<>();
        Set<String> found = new HashSet<>();
        for (Class<?> event : concrete(EngagementEvent.class)) {
            collectMarks(event, "", marked, new HashSet<>());
            PersonalFields.of(event).forEach(path -> found.add(event.getSimpleName() + "." + String.join(".", path)));
        }
        assertThat(marked).as("marks exist at all").isNotEmpty();
        assertThat(found).containsAll(marked);
    }

    /** The records that implement a sealed interface, however deep. */
    private static List<Class<?>> concrete(Class<?> type) {
        List<Class<?>> records = new java.util.ArrayList<>();
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(type));
        while (!todo.isEmpty()) {
            Class<?> next = todo.pop();
            if (next.isRecord()) {
                records.add(next);
            } else if (next.isSealed()) {
                todo.addAll(List.of(next.getPermittedSubclasses()));
            }
        }
        return records;
    }

    /** Every marked component reachable from the type through records, sealed interfaces and lists. */
    private static void collectMarks(Class<?> type, String prefix, Set<String> marked, Set<Class<?>> seen) {
        if (!type.isRecord() || !seen.add(type)) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String path = prefix.isEmpty() ? type.getSimpleName() + "." + component.getName()
                    : prefix + "." + component.getName();
            if (component.isAnnotationPresent(PersonalData.class)) {
                marked.add(path);
            }
            for (Class<?> inner : reachable(component.getGenericType())) {
                for (Class<?> record : concrete(inner)) {
                    collectMarks(record, path, marked, new HashSet<>(seen));
                }
            }
        }
    }

    private static List<Class<?>> reachable(Type type) {
        if (type instanceof Class<?> plain) {
            return plain.getName().startsWith("org.casebook.") ? List.of(plain) : List.of();
        }
        if (type instanceof ParameterizedType generic) {
            return java.util.Arrays.stream(generic.getActualTypeArguments()).flatMap(t -> reachable(t).stream()).toList();
        }
        return List.of();
    }
}
