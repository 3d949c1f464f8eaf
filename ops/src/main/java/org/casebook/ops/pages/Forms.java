package org.casebook.ops.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.casebook.ops.web.Problems;
import org.casebook.shared.refusal.Refusal;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * A page's form read as the very request the JSON API takes, so that a form and an API call meet the
 * same rules and the same refusals. Fields are named by their JSON path ({@code enterprise.taxId},
 * {@code baseline.annualSales.amount}); a field whose name ends in {@code []} is a list; an empty field
 * is left out. A refusal comes back as the API's problem document, whose {@code field} names the
 * form's field, so the page shows it beside that field.
 */
@Component
public class Forms {

    private static final Set<String> NOT_DATA = Set.of("_csrf", "lang");

    private final ObjectMapper json;

    public Forms(ObjectMapper json) {
        this.json = json;
    }

    /** The form as JSON. */
    public ObjectNode json(MultiValueMap<String, String> form) {
        ObjectNode root = json.createObjectNode();
        form.forEach((name, values) -> {
            if (NOT_DATA.contains(name)) {
                return;
            }
            boolean list = name.endsWith("[]");
            List<String> given = values.stream().filter(value -> value != null && !value.isBlank())
                    .map(String::strip).toList();
            if (!list && given.isEmpty()) {
                return; // an empty field is no value, and makes no object around it either
            }
            String[] path = (list ? name.substring(0, name.length() - 2) : name).split("\\.");
            ObjectNode parent = root;
            for (int i = 0; i < path.length - 1; i++) {
                JsonNode child = parent.get(path[i]);
                parent = child instanceof ObjectNode object ? object : parent.putObject(path[i]);
            }
            String last = path[path.length - 1];
            if (list) {
                ArrayNode array = parent.putArray(last);
                given.forEach(array::add);
            } else {
                parent.put(last, given.get(given.size() - 1));
            }
        });
        withoutAmountlessMoney(root);
        return root;
    }

    /** A money field left without an amount is no money, whatever currency the page suggested for it. */
    private static void withoutAmountlessMoney(ObjectNode node) {
        java.util.List<String> drop = new java.util.ArrayList<>();
        node.fields().forEachRemaining(field -> {
            if (field.getValue() instanceof ObjectNode child) {
                if (child.size() == 1 && child.has("currency")) {
                    drop.add(field.getKey());
                } else {
                    withoutAmountlessMoney(child);
                }
            }
        });
        drop.forEach(node::remove);
    }

    /** The form as a request of the API: a refusal if a value does not fit. */
    public <T> T read(MultiValueMap<String, String> form, Class<T> type) {
        try {
            return json.treeToValue(json(form), type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new Unreadable(e);
        }
    }

    /** What the person typed, field by field, to show again beside a refusal. */
    public static Map<String, Object> typed(MultiValueMap<String, String> form) {
        Map<String, Object> typed = new LinkedHashMap<>();
        form.forEach((name, values) -> typed.put(name, name.endsWith("[]") ? values
                : values.isEmpty() ? "" : values.get(values.size() - 1)));
        return typed;
    }

    /**
     * The refusal a submission met, as a problem document in the person's language; empty for a
     * failure that is not a refusal (those are not the person's to mend, and go on as errors).
     */
    public static java.util.Optional<ProblemDetail> problem(RuntimeException failure, Locale locale) {
        if (failure instanceof Refusal refusal) {
            return java.util.Optional.of(Problems.of(refusal, locale));
        }
        if (failure instanceof Unreadable unreadable) {
            return java.util.Optional.of(Problems.ofUnreadable(unreadable.getCause(), locale));
        }
        return java.util.Optional.empty();
    }

    /** A form whose values do not make the request they should. */
    static final class Unreadable extends RuntimeException {
        Unreadable(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }
}
