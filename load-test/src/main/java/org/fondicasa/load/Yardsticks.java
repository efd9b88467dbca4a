package org.fondicasa.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What else this PostgreSQL can durably write, beside pgbench's single-row ceiling and in the same run: the same row
 * batched 16, 64 and 256 per transaction (group commit's room), the real write set of one application (the
 * application row with its indexes and foreign key, a household claim, two outbox rows) alone and 64 per
 * transaction, and the commit latency of one client. Rows per second, WAL bytes per row and PostgreSQL's CPU for each,
 * on tables shaped as application-service's (migrations V2, V3 and service-kit's V0_1), in a database of their own.
 */
final class Yardsticks {

    static final String DATABASE = "yardsticks";

    /** application-service's write set, as its migrations create it: the keys, indexes and foreign key intake pays for. */
    static final String WRITE_SET_DDL = """
            create table call (id uuid primary key);
            create sequence application_receipt_seq;
            create table application (
                protocol_number text primary key, receipt_seq bigint not null unique, call_id uuid not null references call,
                received_at timestamptz not null, applicant_fiscal_code char(16) not null, submitted_by text not null,
                assisted boolean not null, form jsonb not null, eligible boolean not null, band char(1),
                need numeric(15, 2) not null, assessment jsonb not null, status text not null, status_changed_at timestamptz not null);
            create index application_call_line on application (call_id, status, receipt_seq);
            create index application_applicant on application (applicant_fiscal_code);
            create table household_claim (call_id uuid not null, fiscal_code char(16) not null, protocol_number text not null,
                kind text not null check (kind in ('OWN', 'LISTED')), primary key (call_id, fiscal_code));
            create index household_claim_member on household_claim (fiscal_code);
            create table outbox_event (seq bigserial primary key, id uuid not null unique, topic text not null, event_key text,
                event_type text not null, payload text not null, created_at timestamptz not null);
            """;

    /** One measurement: what a transaction writes, how many of them per second, and what that cost. */
    record Run(String name, int rowsPerTransaction, int clients, double tps, double latencyAverageMs, double walBytesPerRow,
               double postgresCores, double machineBusy) {
        double rowsPerSecond() {
            return tps * rowsPerTransaction;
        }
    }

    private Yardsticks() {
    }

    static List<Run> measure(DurablePostgres postgres, Path pgbench, int clients, int threads, int seconds, Path workDir) {
        UUID call = UUID.randomUUID();
        String payload = PgbenchCeiling.payloadTemplate();
        postgres.dropDatabase(DATABASE);
        postgres.createDatabase(DATABASE);
        try {
            postgres.execute(DATABASE, PgbenchCeiling.TABLE_DDL);
            postgres.execute(DATABASE, WRITE_SET_DDL);
            postgres.execute(DATABASE, "insert into call values ('" + call + "')");
            List<Run> runs = new ArrayList<>();
            runs.add(run(postgres, pgbench, workDir, "commit latency: the single row, one client", 1, 1, 1, seconds,
                    PgbenchCeiling.script(call, payload)));
            for (int rows : List.of(16, 64, 256)) {
                runs.add(run(postgres, pgbench, workDir, "the single row, " + rows + " per transaction", rows, clients, threads, seconds,
                        batchedRows(call, payload, rows)));
            }
            runs.add(run(postgres, pgbench, workDir, "an application's write set (application, claim, 2 outbox rows), one per transaction",
                    1, clients, threads, seconds, writeSet(call, payload, 1)));
            runs.add(run(postgres, pgbench, workDir, "an application's write set, 64 per transaction", 64, clients, threads, seconds,
                    writeSet(call, payload, 64)));
            return runs;
        } finally {
            postgres.dropDatabase(DATABASE);
        }
    }

    private static Run run(DurablePostgres postgres, Path pgbench, Path workDir, String name, int rows, int clients, int threads,
                           int seconds, String script) {
        Path file = workDir.resolve("yardstick.sql");
        try {
            Files.createDirectories(workDir);
            Files.writeString(file, script, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        postgres.checkpoint();
        long postmaster = CpuMeter.postmasterPid(postgres.dataDir());
        CpuMeter cpu = new CpuMeter(Map.of("PostgreSQL", () -> CpuMeter.processTree(postmaster)));
        System.out.printf("[load] yardstick: %s, %d clients, %d s ...%n", name, clients, seconds);
        long wal = postgres.walBytes();
        cpu.start();
        String output = PgbenchCeiling.pgbench(pgbench, postgres, DATABASE, clients, Math.min(threads, clients), seconds, file, workDir);
        CpuMeter.Usage usage = cpu.stop();
        long walWritten = postgres.walBytes() - wal;
        PgbenchCeiling.Run parsed = PgbenchCeiling.parse(output, clients, Math.min(threads, clients), seconds, 0, usage.machineBusy(),
                usage.cores().get("PostgreSQL"), 0, 0);
        double rowsWritten = (double) parsed.transactions() * rows;
        Run run = new Run(name, rows, clients, parsed.tps(), parsed.latencyAverageMs(), rowsWritten == 0 ? 0 : walWritten / rowsWritten,
                usage.cores().get("PostgreSQL"), usage.machineBusy());
        System.out.printf("[load] yardstick: %.0f rows/s, %.0f WAL bytes per row%n", run.rowsPerSecond(), run.walBytesPerRow());
        return run;
    }

    /** The ceiling's row, {@code rows} of them in one statement and one transaction. */
    static String batchedRows(UUID call, String payloadTemplate, int rows) {
        String single = PgbenchCeiling.script(call, payloadTemplate);
        return single.replace("from (select upper(substr(md5(random()::text), 1, 16)) as cf) as generated",
                "from (select upper(substr(md5(random()::text), 1, 16)) as cf from generate_series(1, " + rows + ")) as generated");
    }

    /**
     * {@code n} applications as intake writes them: the place in line, the application row, its applicant's claim and
     * two outbox rows with about the events' size, in one transaction (one statement per table).
     */
    static String writeSet(UUID call, String payloadTemplate, int n) {
        String form = payloadTemplate.replace("'", "''");
        String event = "x".repeat(900);
        return "begin;\n"
                + "create temporary table if not exists batch (seq bigint, cf char(16), protocol text) on commit delete rows;\n"
                + "insert into batch select s, cf, '2026-' || lpad(s::text, 10, '0') from (select nextval('application_receipt_seq') as s, "
                + "upper(substr(md5(random()::text), 1, 16)) as cf from generate_series(1, " + n + ")) g;\n"
                + "insert into household_claim select '" + call + "', cf, protocol, 'OWN' from batch order by cf on conflict do nothing;\n"
                + "insert into application select protocol, seq, '" + call + "', clock_timestamp(), cf, 'citizen', false, "
                + "replace('" + form + "', '@FISCAL_CODE@', cf)::jsonb, true, 'A', 3000.00, "
                + "'{\"eligible\": true, \"band\": \"A\", \"need\": \"3000.00\", \"failures\": []}'::jsonb, 'PENDING', clock_timestamp() from batch;\n"
                + "insert into outbox_event (id, topic, event_key, event_type, payload, created_at) "
                + "select gen_random_uuid(), 'application.events', protocol, t, '" + event + "', clock_timestamp() "
                + "from batch, (values ('ApplicationReceived'), ('ApplicationAssessed')) as types(t);\n"
                + "commit;\n";
    }
}
