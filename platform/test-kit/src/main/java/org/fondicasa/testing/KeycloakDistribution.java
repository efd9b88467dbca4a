package org.fondicasa.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the Keycloak distribution (Maven Central {@code org.keycloak:keycloak-quarkus-dist}, copied by the build)
 * lives. The unpacked, built distribution is kept under the user's cache folder so that
 * Keycloak's one-time build (~50 s) is not repeated by every clean build on the same machine.
 */
public final class KeycloakDistribution {

    public static final String ZIP_PROPERTY = "fondicasa.keycloak.zip";
    public static final String WORK_PROPERTY = "fondicasa.keycloak.work-dir";

    private KeycloakDistribution() {
    }

    public static Path zip() {
        return existing(ZIP_PROPERTY);
    }

    public static Path workDir(Path fallback) {
        String configured = System.getProperty(WORK_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "fondicasa");
    }

    private static Path existing(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set: the build sets it (see the "
                    + "keycloak-dist copy in the module's pom)");
        }
        Path path = Path.of(value);
        if (!Files.exists(path)) {
            throw new IllegalStateException(property + " points to " + path + ", which does not exist");
        }
        return path;
    }
}
