package org.fondicasa.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real Keycloak with the project's realm (deploy/keycloak), for test profiles that verify tokens exactly as
 * issued by the reference provider, for the application start of that profile; publishes its issuer as
 * {@value #ISSUER_PROPERTY}.
 */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER_PROPERTY = "fondicasa.test.keycloak.issuer";
    public static final String URL_PROPERTY = "fondicasa.test.keycloak.url";

    private KeycloakServer keycloak;

    @Override
    public Map<String, String> start() {
        keycloak = KeycloakServer.start(KeycloakDistribution.zip(), KeycloakDistribution.realm(),
                KeycloakDistribution.workDir(Path.of(System.getProperty("java.io.tmpdir"))), 0);
        return Map.of(ISSUER_PROPERTY, keycloak.issuer(), URL_PROPERTY, "http://localhost:" + keycloak.port());
    }

    @Override
    public void stop() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    /** A test profile whose application trusts the real Keycloak instead of the local test issuer. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.auth-server-url", "${" + ISSUER_PROPERTY + "}");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(KeycloakTestResource.class));
        }
    }
}
