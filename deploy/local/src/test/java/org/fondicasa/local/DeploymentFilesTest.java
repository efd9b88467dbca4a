package org.fondicasa.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be checked of the deployment files on a machine without a Docker engine or a cluster: they parse, every
 * service has its health checks and dependencies, every file they name exists. (CI also renders the Kubernetes overlays
 * with kubectl where it is installed.)
 */
class DeploymentFilesTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent().getParent();
    private static final List<String> SERVICES = List.of("allocation-service", "application-service", "reporting-service");
    private final YAMLMapper yaml = new YAMLMapper();

    @Test
    void composeStartsEveryPartWithHealthChecksAndTheFilesItNamesExist() throws IOException {
        Path compose = ROOT.resolve("deploy/compose/compose.yaml");
        JsonNode services = yaml.readTree(compose.toFile()).get("services");
        assertThat(services.fieldNames()).toIterable().containsExactlyInAnyOrder("postgres", "kafka", "keycloak",
                "allocation-service", "application-service", "reporting-service");
        services.fields().forEachRemaining(s -> assertThat(s.getValue().has("healthcheck")).as(s.getKey()).isTrue());
        for (String service : SERVICES) {
            JsonNode s = services.get(service);
            Path context = compose.getParent().resolve(s.at("/build/context").asText()).normalize();
            assertThat(context.resolve(s.at("/build/dockerfile").asText())).as(service).exists();
            for (String dependency : List.of("postgres", "kafka", "keycloak")) {
                assertThat(s.at("/depends_on/" + dependency + "/condition").asText()).isEqualTo("service_healthy");
            }
        }
        String realm = services.at("/keycloak/volumes/0").asText().split(":")[0];
        assertThat(compose.getParent().resolve(realm).normalize()).exists();
        assertThat(compose.getParent().resolve("initdb/01-databases.sql")).exists();
    }

    @Test
    void everyKubernetesDeploymentHasProbesAndResourcesAndEveryKustomizationNamesExistingFiles() throws IOException {
        List<JsonNode> deployments = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("deploy/k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                try (MappingIterator<JsonNode> docs = yaml.readValues(new YAMLFactory().createParser(file.toFile()), JsonNode.class)) {
                    for (JsonNode doc : docs.readAll()) {
                        if ("Deployment".equals(doc.path("kind").asText())) {
                            deployments.add(doc);
                        }
                        if (file.getFileName().toString().equals("kustomization.yaml")) {
                            doc.path("resources").forEach(r -> assertThat(file.getParent().resolve(r.asText()).normalize())
                                    .as(file + " names " + r.asText()).exists());
                        }
                    }
                }
            }
        }
        assertThat(deployments).extracting(d -> d.at("/metadata/name").asText()).containsExactlyInAnyOrderElementsOf(SERVICES);
        for (JsonNode d : deployments) {
            JsonNode container = d.at("/spec/template/spec/containers/0");
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
            assertThat(container.at("/resources/limits/memory").isMissingNode()).isFalse();
        }
    }

    @Test
    void theGrafanaDashboardIsValidJsonWithAQueryPerPanel() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(ROOT.resolve("deploy/grafana/fondicasa-dashboard.json").toFile());
        assertThat(dashboard.get("panels")).isNotEmpty();
        dashboard.get("panels").forEach(p -> assertThat(p.at("/targets/0/expr").asText()).as(p.get("title").asText()).isNotBlank());
    }
}
