package org.fondicasa.platform.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Reads an event's data the same strict way in every consumer: a missing or mistyped field makes the event
 * unprocessable (dead letter), never a silent zero or null.
 */
public final class EventData {

    private static final Pattern EURO = Pattern.compile("-?[0-9]+\\.[0-9]{2}");

    private EventData() {
    }

    public static String text(JsonNode data, String field) {
        JsonNode node = data.get(field);
        if (node == null || !node.isTextual()) {
            throw new UnprocessableEventException("field " + field + " missing or not a string");
        }
        return node.asText();
    }

    public static int integer(JsonNode data, String field) {
        JsonNode node = data.get(field);
        if (node == null || !node.canConvertToInt() || !node.isIntegralNumber()) {
            throw new UnprocessableEventException("field " + field + " missing or not an integer");
        }
        return node.asInt();
    }

    /** Euro as events carry it: a decimal string with exactly two decimals, read without rounding. */
    public static BigDecimal euro(JsonNode data, String field) {
        String value = text(data, field);
        if (!EURO.matcher(value).matches()) {
            throw new UnprocessableEventException("field " + field + " is not euro with two decimals: " + value);
        }
        return new BigDecimal(value);
    }
}
