package org.fondicasa.testing.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Every operation a service publishes in its OpenAPI document: the list the fuzz and matrix tests are generated from. */
public final class Endpoints {

    private static final Pattern ROLES = Pattern.compile("Roles: ([^.]+)\\.");
    private static final List<String> METHODS = List.of("get", "post", "put", "delete", "patch");

    private Endpoints() {
    }

    public static List<Endpoint> fromOpenApi(String json) {
        try {
            return fromOpenApi(new ObjectMapper().readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException("not an OpenAPI document", e);
        }
    }

    public static List<Endpoint> fromOpenApi(JsonNode document) {
        JsonNode schemas = document.path("components").path("schemas");
        List<Endpoint> endpoints = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                List<Endpoint.Parameter> parameters = new ArrayList<>();
                for (JsonNode p : operation.path("parameters")) {
                    parameters.add(new Endpoint.Parameter(p.path("name").asText(), p.path("in").asText(),
                            resolve(p.path("schema"), schemas, 0)));
                }
                JsonNode content = operation.path("requestBody").path("content");
                List<String> consumes = new ArrayList<>();
                content.fieldNames().forEachRemaining(consumes::add);
                JsonNode jsonSchema = content.has("application/json")
                        ? resolve(content.path("application/json").path("schema"), schemas, 0) : null;
                endpoints.add(new Endpoint(method.toUpperCase(), path.getKey(), roles(operation), List.copyOf(consumes),
                        List.copyOf(parameters), jsonSchema));
            }
        }
        return List.copyOf(endpoints);
    }

    private static Set<String> roles(JsonNode operation) {
        Matcher m = ROLES.matcher(operation.path("description").asText(""));
        if (!m.find()) {
            return Set.of();
        }
        Set<String> roles = new LinkedHashSet<>();
        Arrays.stream(m.group(1).split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(roles::add);
        return Set.copyOf(roles);
    }

    /** The schema with its references replaced by what they name (cycles cut after a few levels). */
    private static JsonNode resolve(JsonNode schema, JsonNode schemas, int depth) {
        if (schema == null || schema.isMissingNode() || depth > 8) {
            return new ObjectMapper().createObjectNode();
        }
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replaceFirst("^#/components/schemas/", "");
            return resolve(schemas.path(name), schemas, depth + 1);
        }
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode copy = ((ObjectNode) schema).deepCopy();
        if (schema.has("properties")) {
            ObjectNode properties = copy.putObject("properties");
            schema.get("properties").fields().forEachRemaining(e -> properties.set(e.getKey(), resolve(e.getValue(), schemas, depth + 1)));
        }
        if (schema.has("items")) {
            copy.set("items", resolve(schema.get("items"), schemas, depth + 1));
        }
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.has(combinator)) {
                var array = copy.putArray(combinator);
                schema.get(combinator).forEach(s -> array.add(resolve(s, schemas, depth + 1)));
            }
        }
        return copy;
    }
}
