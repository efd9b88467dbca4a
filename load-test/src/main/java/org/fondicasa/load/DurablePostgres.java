package org.fondicasa.load;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded PostgreSQL of the test kit (the same zonky binaries from Maven Central), but durable: the test kit's
 * {@code PostgresServer} turns fsync off for speed and the zonky launcher adds {@code -F} and
 * {@code synchronous_commit=off}; here both are switched back on, so a commit is on disk when it returns, as in
 * production. Everything else stays at PostgreSQL's defaults but {@code max_connections} (the service's pool and
 * 64 pgbench clients must fit).
 */
final class DurablePostgres implements AutoCloseable {

    /** The settings the results report, read back from the server rather than assumed. */
    static final List<String> REPORTED_SETTINGS = List.of("fsync", "synchronous_commit", "wal_sync_method",
            "full_page_writes", "wal_level", "shared_buffers", "max_wal_size", "checkpoint_timeout", "max_connections");

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private DurablePostgres(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    static DurablePostgres start(Path dataDir) {
        try {
            Files.createDirectories(dataDir.getParent());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (Boolean.getBoolean("load.pg.statements")) {
                // a diagnosis, not a measurement: per-statement times read with psql during a run; it costs a little CPU
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
            }
            EmbeddedPostgres postgres = builder
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(true)
                    .setRegisterShutdownHook(false)
                    // after the launcher's -F, so these win
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "200")
                    .start();
            DurablePostgres server = new DurablePostgres(postgres, dataDir);
            Map<String, String> settings = server.settings();
            if (!"on".equals(settings.get("fsync")) || !"on".equals(settings.get("synchronous_commit"))) {
                server.close();
                throw new IllegalStateException("PostgreSQL did not start durable: " + settings);
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    String host() {
        return "localhost";
    }

    int port() {
        return postgres.getPort();
    }

    String username() {
        return "postgres";
    }

    String password() {
        return "postgres";
    }

    Path dataDir() {
        return dataDir;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), username(), password());
    }

    void createDatabase(String name) {
        execute("postgres", "create database " + name);
    }

    void dropDatabase(String name) {
        execute("postgres", "drop database if exists " + name);
    }

    /** Writes every dirty buffer to disk: each measurement starts from the same state. */
    void checkpoint() {
        execute("postgres", "checkpoint");
    }

    void execute(String database, String sql) {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Bytes of WAL written since the server was created: the difference over a measurement is what it wrote. */
    long walBytes() {
        return Long.parseLong(queryOne("select (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint"));
    }

    /** Transactions committed in one database so far (cumulative statistics, flushed within about a second). */
    long commits(String database) {
        return Long.parseLong(queryOne("select xact_commit from pg_stat_database where datname = '" + database + "'"));
    }

    String version() {
        return queryOne("select version()");
    }

    Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String name : REPORTED_SETTINGS) {
            settings.put(name, queryOne("show " + name));
        }
        return settings;
    }

    private String queryOne(String sql) {
        try (Connection c = connect("postgres"); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
