package org.fondicasa.load;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw ceiling of durable single-row inserts of an application-sized row on this PostgreSQL: pgbench, one insert
 * per transaction (so one commit, one WAL flush unless grouped with others), at several client counts; the best tps
 * is the ceiling. The table is shaped like an application row, with its unique (call, fiscal code) index, in a
 * database of its own on the same server (same WAL, same disk, same settings), dropped afterwards.
 */
final class PgbenchCeiling {

    static final String DATABASE = "ceiling";
    static final String TABLE_DDL = """
            create sequence ceiling_receipt;
            create table ceiling_application (
                id          uuid primary key,
                call_id     uuid not null,
                receipt     bigint not null default nextval('ceiling_receipt'),
                received_at timestamptz not null default clock_timestamp(),
                fiscal_code char(16) not null,
                payload     jsonb not null
            );
            create unique index ceiling_application_call_fiscal_code on ceiling_application (call_id, fiscal_code);""";

    private static final String CODE_PLACEHOLDER = "@FISCAL_CODE@";
    private static final String ISEE_PLACEHOLDER = "@ISEE@";
    private static final int PAYLOAD_TARGET_BYTES = 1024;

    /** One pgbench run; how busy the machine was meanwhile, and how many cores PostgreSQL, pgbench and the rest used. */
    record Run(int clients, int threads, int seconds, double tps, double latencyAverageMs, long transactions,
               long failed, long rowsInTable, double machineBusy, double postgresCores, double pgbenchCores,
               double otherCores) {
    }

    record Result(List<Run> runs, Run best, String script, int payloadBytes, long storedPayloadBytes, String pgbenchVersion) {
    }

    private PgbenchCeiling() {
    }

    static Result measure(DurablePostgres postgres, Path pgbench, List<Integer> clients, int threads, int seconds,
                          Path workDir) {
        String version = run(List.of(pgbench.toString(), "--version"), workDir).strip();
        String payload = payloadTemplate();
        String script = script(UUID.randomUUID(), payload);
        Path scriptFile = workDir.resolve("ceiling.sql");
        try {
            Files.createDirectories(workDir);
            Files.writeString(scriptFile, script, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        postgres.dropDatabase(DATABASE);
        postgres.createDatabase(DATABASE);
        try {
            postgres.execute(DATABASE, TABLE_DDL);
            List<Run> runs = new ArrayList<>();
            long stored = 0;
            for (int c : clients) {
                postgres.execute(DATABASE, "truncate ceiling_application");
                postgres.checkpoint();
                System.out.printf("[load] pgbench: %d clients, %d threads, %d s ...%n", c, Math.min(threads, c), seconds);
                long postmaster = CpuMeter.postmasterPid(postgres.dataDir());
                long self = ProcessHandle.current().pid();
                Map<String, java.util.function.Supplier<java.time.Duration>> parts = new java.util.LinkedHashMap<>();
                parts.put("PostgreSQL", () -> CpuMeter.processTree(postmaster));
                // pgbench is this JVM's child: once waited for, its time is in this JVM's cutime/cstime
                parts.put("pgbench", () -> CpuMeter.reapedChildren(self));
                CpuMeter cpu = new CpuMeter(parts);
                cpu.start();
                String output = pgbench(pgbench, postgres, DATABASE, c, Math.min(threads, c), seconds, scriptFile, workDir);
                CpuMeter.Usage usage = cpu.stop();
                long rows = count(postgres, "select count(*) from ceiling_application");
                stored = count(postgres, "select coalesce(avg(pg_column_size(payload)), 0)::bigint from ceiling_application");
                Run run = parse(output, c, Math.min(threads, c), seconds, rows, usage.machineBusy(), usage.cores().get("PostgreSQL"),
                        usage.cores().get("pgbench"), usage.others());
                System.out.printf("[load] pgbench: %d clients: %.0f tps, latency average %.2f ms%n", c, run.tps(),
                        run.latencyAverageMs());
                runs.add(run);
            }
            Run best = runs.stream().max(Comparator.comparingDouble(Run::tps)).orElseThrow();
            return new Result(runs, best, script, payload.getBytes(StandardCharsets.UTF_8).length, stored, version);
        } finally {
            postgres.dropDatabase(DATABASE);
        }
    }

    /**
     * A real application's body (the contract's) with what the service adds to it, padded to about 1 KB; the fiscal
     * code and the ISEE are placeholders each transaction fills in.
     */
    static String payloadTemplate() {
        ObjectNode payload = (ObjectNode) ApplicationServiceContract.read(ApplicationServiceContract.applicationBody(CODE_PLACEHOLDER));
        payload.put("isee", ISEE_PLACEHOLDER);
        payload.put("channel", "SPID");
        payload.put("assistedBy", (String) null);
        payload.putObject("contact").put("email", "cittadino@example.org").put("phone", "+39 080 0000000")
                .put("address", "Via Sparano da Bari 1, 70121 Bari BA");
        payload.putObject("eligibility").put("iseeBelowThreshold", true).put("residentLongEnough", true)
                .put("documentsComplete", true);
        String unpadded = ApplicationServiceContract.write(payload);
        int missing = PAYLOAD_TARGET_BYTES - unpadded.getBytes(StandardCharsets.UTF_8).length - ",\"notes\":\"\"".length();
        if (missing > 0) {
            payload.put("notes", "x".repeat(missing));
        }
        // a space after each key's colon: pgbench reads ":name" in a script as a variable
        return ApplicationServiceContract.write(payload).replace("\":", "\": ");
    }

    /** One insert, one transaction: a random fiscal-code-shaped key (md5, so never a duplicate) and a random ISEE. */
    static String script(UUID callId, String payloadTemplate) {
        String literal = payloadTemplate.replace("'", "''");
        return "\\set isee_cents random(100000, 4000000)\n"
                + "insert into ceiling_application (id, call_id, fiscal_code, payload) "
                + "select gen_random_uuid(), '" + callId + "', cf, "
                + "replace(replace('" + literal + "', '" + CODE_PLACEHOLDER + "', cf), '" + ISEE_PLACEHOLDER + "', "
                + "(:isee_cents / 100.0)::numeric(12,2)::text)::jsonb "
                + "from (select upper(substr(md5(random()::text), 1, 16)) as cf) as generated;\n";
    }

    /** pgbench's output for one script at {@code clients} for {@code seconds}, without vacuuming first. */
    static String pgbench(Path pgbench, DurablePostgres postgres, String database, int clients, int threads, int seconds, Path script,
                          Path workDir) {
        return run(List.of(pgbench.toString(), "-n", "-c", Integer.toString(clients), "-j", Integer.toString(threads), "-T",
                Integer.toString(seconds), "-f", script.toString(), "-h", postgres.host(), "-p", Integer.toString(postgres.port()),
                "-U", postgres.username(), database), workDir);
    }

    private static final Pattern TPS = Pattern.compile("(?m)^tps = ([0-9.]+)");
    private static final Pattern LATENCY = Pattern.compile("(?m)^latency average = ([0-9.]+) ms");
    private static final Pattern PROCESSED = Pattern.compile("(?m)^number of transactions actually processed: (\\d+)");
    private static final Pattern FAILED = Pattern.compile("(?m)^number of failed transactions: (\\d+)");

    static Run parse(String output, int clients, int threads, int seconds, long rows, double machineBusy, double postgresCores,
                     double pgbenchCores, double otherCores) {
        return new Run(clients, threads, seconds, Double.parseDouble(find(TPS, output)),
                Double.parseDouble(find(LATENCY, output)), Long.parseLong(find(PROCESSED, output)),
                FAILED.matcher(output).find() ? Long.parseLong(find(FAILED, output)) : 0, rows, machineBusy, postgresCores,
                pgbenchCores, otherCores);
    }

    private static String find(Pattern pattern, String output) {
        Matcher m = pattern.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("pgbench said nothing matching " + pattern + ":\n" + output);
        }
        return m.group(1);
    }

    private static long count(DurablePostgres postgres, String sql) {
        try (Connection c = postgres.connect(DATABASE); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static String run(List<String> command, Path workDir) {
        try {
            Files.createDirectories(workDir);
            Path out = Files.createTempFile(workDir, "pgbench", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
            builder.environment().put("PGPASSWORD", "postgres");
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish");
            }
            String output = Files.readString(out);
            Files.delete(out);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command + " exited with " + process.exitValue() + ":\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
