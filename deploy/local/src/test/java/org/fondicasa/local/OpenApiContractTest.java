package org.fondicasa.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The core of what a client generator needs from the OpenAPI documents each service stores at build time
 * (target/openapi): the rules of spectral's oas ruleset that matter for clients, without node on the build machine
 * (the full ruleset: {@code spectral lint --ruleset .spectral.yaml}, see the README).
 */
class OpenApiContractTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent().getParent();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private final YAMLMapper yaml = new YAMLMapper();

    @ParameterizedTest
    @ValueSource(strings = {"allocation-service", "application-service", "reporting-service"})
    void everyOperationIsNamedDescribedTaggedAndItsRolesAreNoScopes(String service) throws IOException {
        Path file = ROOT.resolve(service).resolve("target/openapi/openapi.yaml");
        assertThat(file).as("built by the service's package phase, before this module").exists();
        JsonNode doc = yaml.readTree(file.toFile());

        assertThat(doc.at("/info/description").asText()).isNotBlank();
        assertThat(doc.at("/info/contact").isObject()).as("info.contact").isTrue();
        assertThat(doc.path("servers")).isNotEmpty();
        Set<String> declaredTags = new HashSet<>();
        doc.path("tags").forEach(t -> {
            assertThat(t.path("description").asText()).as("description of tag " + t.path("name")).isNotBlank();
            declaredTags.add(t.path("name").asText());
        });

        Set<String> scopedSchemes = new HashSet<>();
        doc.at("/components/securitySchemes").fields().forEachRemaining(s -> {
            String type = s.getValue().path("type").asText();
            if (type.equals("oauth2") || type.equals("openIdConnect")) {
                scopedSchemes.add(s.getKey());
            }
        });

        Set<String> ids = new HashSet<>();
        List<String> operations = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!METHODS.contains(op.getKey())) {
                return;
            }
            String where = op.getKey().toUpperCase() + " " + path.getKey();
            JsonNode operation = op.getValue();
            operations.add(where);
            String id = operation.path("operationId").asText();
            assertThat(id).as("operationId of " + where).matches("[a-z][A-Za-z0-9]*");
            assertThat(ids.add(id)).as("operationId " + id + " of " + where + " is unique").isTrue();
            assertThat(operation.path("description").asText()).as("description of " + where).isNotBlank();
            assertThat(operation.path("tags")).as("tags of " + where).isNotEmpty();
            operation.path("tags").forEach(t -> assertThat(declaredTags).as("tags declared at the top").contains(t.asText()));
            operation.path("security").forEach(requirement -> requirement.fields().forEachRemaining(scheme -> {
                if (!scopedSchemes.contains(scheme.getKey())) {
                    assertThat(scheme.getValue()).as(where + ": scopes of the non-OAuth2 scheme " + scheme.getKey()).isEmpty();
                }
            }));
            if (!operation.path("security").isEmpty()) {
                assertThat(operation.path("description").asText()).as("the roles of " + where).contains("Roles: ");
            }
        }));
        assertThat(operations).as("operations of " + service).hasSizeGreaterThan(10);
        // a JsonNode left to the scanner is described by its Java getters (isArray, nodeType...) instead of as free JSON
        doc.at("/components/schemas").fields().forEachRemaining(s -> assertThat(s.getValue().at("/properties/nodeType").isMissingNode())
                .as("schema " + s.getKey() + " is Jackson's JsonNode described by its getters").isTrue());
    }
}
