package org.fondicasa.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL: the embedded binaries from Maven Central (zonky) on a random port, or a Testcontainers
 * container where a Docker engine answers. Either way a superuser {@code postgres/postgres}.
 */
public final class PostgresServer implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final PostgreSQLContainer container;
    private final String host;
    private final int port;

    private PostgresServer(EmbeddedPostgres embedded, PostgreSQLContainer container) {
        this.embedded = embedded;
        this.container = container;
        if (embedded != null) {
            this.host = "localhost";
            this.port = embedded.getPort();
        } else {
            this.host = container.getHost();
            this.port = container.getMappedPort(5432);
        }
    }

    /** @param dataDir where the embedded cluster keeps its files (null: a temporary folder) */
    public static PostgresServer start(Path dataDir, int port) {
        if (Servers.useContainers()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine")
                    .withUsername("postgres").withPassword("postgres").withDatabaseName("postgres");
            container.start();
            return new PostgresServer(null, container);
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(port)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off");
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            return new PostgresServer(builder.start(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    public String username() {
        return "postgres";
    }

    public String password() {
        return "postgres";
    }

    /** Creates the database if it does not exist yet. */
    public void createDatabase(String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("database name " + name);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), username(), password());
             Statement s = c.createStatement()) {
            var rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'");
            if (!rs.next()) {
                s.execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }

    @Override
    public void close() {
        try {
            if (embedded != null) {
                embedded.close();
            } else {
                container.stop();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
