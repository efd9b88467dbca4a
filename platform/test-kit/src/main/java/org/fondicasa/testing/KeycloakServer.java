package org.fondicasa.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A real Keycloak (the {@code keycloak-quarkus-dist} zip) running as a child process, for tests that need genuine
 * OIDC tokens. JDK-only on purpose: the test kit must not drag Keycloak or JSON libraries onto test classpaths.
 *
 * <p>Keycloak 26.7.3 runs on Java 17 (all its classes are Java 17 bytecode), so the current JVM is reused; set
 * {@code KEYCLOAK_JAVA_HOME} to run it on another JDK.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "puglia";

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(180);
    private static final String MARKER = ".unpacked-complete";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    // FileChannel locks are per JVM: a second thread of the same JVM would get OverlappingFileLockException.
    private static final Object JVM_LOCK = new Object();

    private final Process process;
    private final int port;
    private final Path logFile;
    private final HttpClient http;
    private final Thread shutdownHook;

    private KeycloakServer(Process process, int port, Path logFile, HttpClient http) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        this.http = http;
        // A test JVM that exits without close() must not leave a 500 MB Keycloak behind.
        this.shutdownHook = new Thread(this::stopProcessTree, "keycloak-" + port + "-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    @SuppressWarnings("try") // the FileLock is only held, never referenced
    public static KeycloakServer start(Path distZip, Path realmJson, Path workDir, int port) {
        if (!Files.isRegularFile(distZip)) {
            throw new IllegalArgumentException("Keycloak distribution zip not found: " + distZip);
        }
        if (!Files.isRegularFile(realmJson)) {
            throw new IllegalArgumentException("Realm file not found: " + realmJson);
        }
        try {
            Files.createDirectories(workDir);
            Path javaHome = keycloakJavaHome();
            int httpPort = port == 0 ? freePort() : port;
            // Health endpoints live on the management interface (default 9000): a fixed port would collide
            // between parallel instances.
            int managementPort = freePort();
            Path logFile = workDir.resolve("keycloak-" + httpPort + ".log");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

            // Held until Keycloak is up, not just while unpacking: the first start-dev rewrites lib/quarkus
            // (re-augmentation) and every start reads the shared data/import, so starts must not overlap.
            synchronized (JVM_LOCK) {
                try (FileChannel channel = FileChannel.open(workDir.resolve("keycloak.lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock ignored = channel.lock()) {
                    Path home = unpackOnce(distZip, workDir);
                    Path importDir = home.resolve("data/import");
                    Files.createDirectories(importDir);
                    // Keycloak imports every file in data/import: drop realms left by other tests.
                    try (DirectoryStream<Path> old = Files.newDirectoryStream(importDir, "*.json")) {
                        for (Path p : old) {
                            Files.delete(p);
                        }
                    }
                    Files.copy(realmJson, importDir.resolve(realmJson.getFileName()),
                            StandardCopyOption.REPLACE_EXISTING);

                    Process process = launch(home, javaHome, httpPort, managementPort, logFile);
                    KeycloakServer server = new KeycloakServer(process, httpPort, logFile, http);
                    try {
                        server.awaitReady();
                    } catch (RuntimeException e) {
                        server.close();
                        throw e;
                    }
                    return server;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Keycloak from " + distZip, e);
        }
    }

    public String issuer() {
        return "http://localhost:" + port + "/realms/" + REALM;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return logFile;
    }

    public String passwordToken(String clientId, String username, String password) {
        return token(Map.of("grant_type", "password", "client_id", clientId,
                "username", username, "password", password));
    }

    public String clientCredentialsToken(String clientId, String secret) {
        return token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is already running and does the same work
        }
        stopProcessTree();
    }

    private String token(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Token request to " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while requesting a token", e);
        }
        Matcher m = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("Token request (" + form.get("grant_type") + ", client "
                    + form.get("client_id") + ") failed: HTTP " + response.statusCode() + " " + response.body());
        }
        return m.group(1);
    }

    private static Process launch(Path home, Path javaHome, int httpPort, int managementPort, Path logFile)
            throws IOException {
        Path kcSh = home.resolve("bin/kc.sh");
        List<String> command = List.of(
                kcSh.toString(), "start-dev",
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                // Pins the issuer so tokens fetched via 127.0.0.1 still match issuer().
                "--hostname=http://localhost:" + httpPort,
                "--db=dev-mem",
                "--import-realm",
                "--health-enabled=true",
                "--log-console-color=false");
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
        Map<String, String> env = pb.environment();
        // kc.sh and Quarkus read these from the environment; a developer's or CI's values (KC_DB, DEBUG=true
        // which opens a JDWP port, JAVA pointing elsewhere, ...) would make the test server unpredictable.
        env.keySet().removeIf(k -> k.startsWith("KC_") || k.startsWith("QUARKUS_") || k.startsWith("JAVA")
                || k.startsWith("DEBUG") || k.equals("PRINT_ENV"));
        env.put("JAVA_HOME", javaHome.toString());
        // a local-only admin for the console of this throw-away, in-memory instance
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        // C1 only: noticeably faster start on small CI machines; peak throughput is irrelevant for tests.
        env.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
        Process process = pb.start();
        process.getOutputStream().close();
        return process;
    }

    private void awaitReady() {
        URI wellKnown = URI.create(issuer() + "/.well-known/openid-configuration");
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with code " + process.exitValue()
                        + " before becoming ready. Last log lines (" + logFile + "):\n" + logTail());
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(wellKnown).timeout(Duration.ofSeconds(5))
                        .GET().build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // expected until Keycloak opens its port
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
        }
        throw new IllegalStateException("Keycloak did not serve " + wellKnown + " within "
                + STARTUP_TIMEOUT.toSeconds() + " s. Last log lines (" + logFile + "):\n" + logTail());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(log not readable: " + e + ")";
        }
    }

    private void stopProcessTree() {
        // kc.sh runs java as a child (or execs it after re-augmentation): snapshot the tree before the
        // parent dies, or the java process would be re-parented and missed.
        List<ProcessHandle> tree = new ArrayList<>();
        process.descendants().forEach(tree::add);
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (ProcessHandle p : tree) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                p.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception notStoppedInTime) {
                p.destroyForcibly();
            }
        }
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // nothing more can be done from here
            }
        }
    }

    /** Unpacks the distribution once per workDir; the caller holds the lock. */
    private static Path unpackOnce(Path distZip, Path workDir) throws IOException {
        try (ZipFile zip = new ZipFile(distZip.toFile())) {
            String root = topLevelDir(zip);
            Path home = workDir.resolve(root).normalize();
            Path marker = home.resolve(MARKER);
            String stamp = distZip.getFileName() + " " + Files.size(distZip);
            if (Files.isRegularFile(marker) && Files.readString(marker).equals(stamp)) {
                return home;
            }
            // No (matching) marker means a previous unpack was interrupted: start from scratch.
            deleteTree(home);
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path target = workDir.resolve(entry.getName()).normalize();
                if (!target.startsWith(home)) {
                    throw new IOException("Unexpected zip entry outside " + root + ": " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            // java.util.zip drops Unix permissions.
            try (DirectoryStream<Path> scripts = Files.newDirectoryStream(home.resolve("bin"), "*.sh")) {
                for (Path script : scripts) {
                    if (!script.toFile().setExecutable(true, false)) {
                        throw new IOException("Cannot make " + script + " executable");
                    }
                }
            }
            Files.writeString(marker, stamp);
            return home;
        }
    }

    private static String topLevelDir(ZipFile zip) throws IOException {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        if (!entries.hasMoreElements()) {
            throw new IOException("Empty Keycloak distribution zip: " + zip.getName());
        }
        String name = entries.nextElement().getName();
        int slash = name.indexOf('/');
        if (slash <= 0) {
            throw new IOException("Keycloak zip has no top-level directory: " + zip.getName());
        }
        return name.substring(0, slash);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        }
    }

    private static Path keycloakJavaHome() {
        String override = System.getenv("KEYCLOAK_JAVA_HOME");
        Path home = Path.of(override != null && !override.isBlank() ? override : System.getProperty("java.home"));
        if (!Files.isExecutable(home.resolve("bin/java"))) {
            throw new IllegalStateException("No bin/java under " + home + (override != null
                    ? " (from KEYCLOAK_JAVA_HOME)" : " (java.home)") + "; Keycloak 26.7.3 needs a Java 17+ runtime");
        }
        if (override == null && Runtime.version().feature() < 17) {
            throw new IllegalStateException("Keycloak 26.7.3 needs Java 17+, this JVM is " + Runtime.version()
                    + "; run on Java 17+ or set KEYCLOAK_JAVA_HOME to a JDK 17+ home");
        }
        return home;
    }

    private static int freePort() throws IOException {
        // Racy by nature (the port is released before Keycloak binds it); a clash shows up as a start failure
        // with the log tail, which is good enough for tests.
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
