package org.fondicasa.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Iterator;
import java.util.Map;

/**
 * What every service reads from a client, bounded before any of it is used: a key sent twice is refused by name;
 * text holds no control characters (PostgreSQL refuses NUL, and nobody types them); a number has at most
 * {@value #MAX_INTEGER_DIGITS} digits before the point and {@value #MAX_FRACTION_DIGITS} after it, so
 * {@code 1E+1000000000} never reaches arithmetic or {@code toPlainString()}; a date lies between
 * {@value #FIRST_YEAR} and {@value #LAST_YEAR}; nesting, numbers and strings have hard limits. One configuration of
 * the shared ObjectMapper, for every endpoint of every service.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    static final int MAX_INTEGER_DIGITS = 18;
    static final int MAX_FRACTION_DIGITS = 20;
    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2199;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64)
                .maxNumberLength(64)
                .maxStringLength(1_000_000)
                .build());
        SimpleModule module = new SimpleModule("fondicasa-strict-json");
        module.addDeserializer(String.class, new TextDeserializer());
        // trees do not pass through the modifier below
        module.addDeserializer(JsonNode.class, checked(JsonNodeDeserializer.getDeserializer(JsonNode.class)));
        module.addDeserializer(ObjectNode.class, checked(JsonNodeDeserializer.getDeserializer(ObjectNode.class)));
        module.setDeserializerModifier(new Bounds());
        mapper.registerModule(module);
    }

    @SuppressWarnings("unchecked")
    private static <T> JsonDeserializer<T> checked(JsonDeserializer<?> standard) {
        return (JsonDeserializer<T>) new Checked(standard);
    }

    /** Null when the text may be stored; otherwise why not. */
    public static String unacceptableText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                return String.format("control character U+%04X is not allowed in text", (int) c);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return String.format("unpaired surrogate U+%04X is not a character", (int) c);
            }
            if (c == '\uFFFE' || c == '\uFFFF') {
                return String.format("U+%04X is not a character", (int) c);
            }
        }
        return null;
    }

    /** Null when the number is within bounds; otherwise why not. */
    public static String unacceptableNumber(BigDecimal n) {
        // precision - scale digits before the point, computed without expanding the number
        long integerDigits = (long) n.precision() - n.scale();
        if (integerDigits > MAX_INTEGER_DIGITS) {
            return "number out of range: at most " + MAX_INTEGER_DIGITS + " digits before the decimal point";
        }
        if (n.scale() > MAX_FRACTION_DIGITS) {
            return "number out of range: at most " + MAX_FRACTION_DIGITS + " digits after the decimal point";
        }
        return null;
    }

    static final class TextDeserializer extends com.fasterxml.jackson.databind.deser.std.StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            String why = value == null ? null : unacceptableText(value);
            if (why != null) {
                throw JsonMappingException.from(p, why);
            }
            return value;
        }
    }

    /** Wraps the standard readers of numbers, dates and free JSON with the checks above. */
    static final class Bounds extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
            Class<?> type = beanDesc.getBeanClass();
            if (type == BigDecimal.class || type == Double.class || type == double.class || type == Float.class || type == float.class
                    || type == LocalDate.class || type == LocalDateTime.class || type == OffsetDateTime.class
                    || type == ZonedDateTime.class || type == Instant.class) {
                return new Checked(deserializer);
            }
            return deserializer;
        }
    }

    static final class Checked extends DelegatingDeserializer {

        Checked(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new Checked(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Object value;
            try {
                value = super.deserialize(p, ctxt);
            } catch (NumberFormatException | ArithmeticException e) {
                // an exponent beyond int range ("1E+2147483648") fails in the parser itself, not as a mapping error
                throw JsonMappingException.from(p, "number out of range: " + e.getMessage(), e);
            }
            String why = check(value);
            if (why != null) {
                throw JsonMappingException.from(p, why);
            }
            return value;
        }

        private static String check(Object value) {
            if (value instanceof BigDecimal n) {
                return unacceptableNumber(n);
            }
            if (value instanceof Double d && !Double.isFinite(d) || value instanceof Float f && !Float.isFinite(f)) {
                return "number out of range";
            }
            if (value instanceof Instant instant) {
                return year(instant.atOffset(ZoneOffset.UTC));
            }
            if (value instanceof TemporalAccessor t && t.isSupported(ChronoField.YEAR)) {
                return year(t);
            }
            if (value instanceof JsonNode node) {
                return tree(node, 0);
            }
            return null;
        }

        private static String year(TemporalAccessor t) {
            int year = t.get(ChronoField.YEAR);
            return year < FIRST_YEAR || year > LAST_YEAR
                    ? "date out of range: the year must be between " + FIRST_YEAR + " and " + LAST_YEAR : null;
        }

        /** Free JSON (a form, a template) is checked value by value and name by name, as typed fields are. */
        private static String tree(JsonNode node, int depth) {
            if (node.isTextual()) {
                return unacceptableText(node.textValue());
            }
            if (node.isBigDecimal() || node.isFloatingPointNumber() || node.isBigInteger()) {
                return unacceptableNumber(node.decimalValue());
            }
            if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String why = unacceptableText(e.getKey());
                    if (why == null) {
                        why = tree(e.getValue(), depth + 1);
                    }
                    if (why != null) {
                        return why;
                    }
                }
            }
            if (node.isArray()) {
                for (JsonNode item : node) {
                    String why = tree(item, depth + 1);
                    if (why != null) {
                        return why;
                    }
                }
            }
            return null;
        }

    }
}
