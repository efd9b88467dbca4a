package org.fondicasa.testing.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;

/** A plausible value for a JSON schema: every property filled, one item per array, the first enum constant. */
final class Samples {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Samples() {
    }

    static JsonNode of(JsonNode schema) {
        return of(schema, 0);
    }

    private static JsonNode of(JsonNode schema, int depth) {
        if (depth > 6) {
            return NODES.nullNode();
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0);
        }
        for (String combinator : new String[]{"allOf", "oneOf", "anyOf"}) {
            if (schema.has(combinator) && schema.get(combinator).size() > 0) {
                return of(schema.get(combinator).get(0), depth + 1);
            }
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
        String format = schema.path("format").asText("");
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                schema.path("properties").fields().forEachRemaining(e -> object.set(e.getKey(), of(e.getValue(), depth + 1)));
                yield object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                array.add(of(schema.path("items"), depth + 1));
                yield array;
            }
            case "number" -> NODES.numberNode(new BigDecimal("10.00"));
            case "integer" -> NODES.numberNode(1);
            case "boolean" -> NODES.booleanNode(true);
            case "string" -> NODES.textNode(switch (format) {
                case "date" -> "2026-03-02";
                case "date-time" -> "2026-03-02T10:00:00+01:00";
                case "uuid" -> "3f0c6a1e-2b4d-4c8e-9a7f-1d2e3c4b5a69";
                default -> schema.has("pattern") && schema.get("pattern").asText().contains("[0-9]{6}") ? "072006"
                        : schema.path("description").asText("").contains("date-time") ? "2026-03-02T10:00:00" : "reference";
            });
            default -> NODES.textNode("x");
        };
    }
}
