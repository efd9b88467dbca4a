package org.fondicasa.testing;

import org.testcontainers.DockerClientFactory;

/** Chooses between embedded servers and Testcontainers, once per JVM. */
final class Servers {

    private static Boolean containers;

    private Servers() {
    }

    /**
     * Containers where a Docker engine answers, embedded servers otherwise; {@code FONDICASA_SERVERS=embedded}
     * or {@code =containers} forces one.
     */
    static synchronized boolean useContainers() {
        if (containers == null) {
            String forced = System.getenv().getOrDefault("FONDICASA_SERVERS", System.getProperty("fondicasa.servers", ""));
            if (forced.equals("embedded")) {
                containers = false;
            } else if (forced.equals("containers")) {
                containers = true;
            } else {
                boolean docker;
                boolean engineConfigured = System.getenv("DOCKER_HOST") != null
                        || java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))
                        || java.nio.file.Files.exists(java.nio.file.Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"));
                try {
                    // asking Testcontainers without any engine configured only logs a page of errors
                    docker = engineConfigured && DockerClientFactory.instance().isDockerAvailable();
                } catch (RuntimeException | LinkageError e) {
                    docker = false;
                }
                containers = docker;
            }
        }
        return containers;
    }
}
