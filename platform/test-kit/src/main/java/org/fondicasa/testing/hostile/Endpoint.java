package org.fondicasa.testing.hostile;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Set;

/**
 * One operation of a service as its OpenAPI document describes it: the roles come from the "Roles: …." sentence
 * that service-kit's RolesInDescriptionFilter writes into every secured operation.
 *
 * @param requestSchema the JSON body's schema with every {@code $ref} resolved, or null when the body is not JSON
 */
public record Endpoint(String method, String path, Set<String> roles, List<String> consumes, List<Parameter> parameters,
                       JsonNode requestSchema) {

    public record Parameter(String name, String in, JsonNode schema) {
    }

    public boolean writes() {
        return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
    }

    /** What a client sends beyond the path decides the answer: a body, or query parameters of a read. The fuzz sends to these. */
    public boolean takesInput() {
        return writes() || !queryParameters().isEmpty();
    }

    public boolean anyRole() {
        return roles.contains("any");
    }

    public List<Parameter> pathParameters() {
        return parameters.stream().filter(p -> p.in().equals("path")).toList();
    }

    public List<Parameter> queryParameters() {
        return parameters.stream().filter(p -> p.in().equals("query")).toList();
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
