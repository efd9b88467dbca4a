package org.fondicasa.application.call;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The call templates shipped with the service, read as plain data for the domain tests. */
public final class Templates {

    public static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private Templates() {
    }

    public static ObjectNode json(CallKind kind) {
        try (InputStream in = Templates.class.getResourceAsStream("/call-templates/" + kind + ".json")) {
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CallRules rules(CallKind kind) {
        return rules(json(kind).get("rules"));
    }

    public static CallRules rules(JsonNode rules) {
        try {
            return MAPPER.treeToValue(rules, CallRules.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
