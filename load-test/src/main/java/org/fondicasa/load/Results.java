package org.fondicasa.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** One run's findings, and the Markdown file they are written to. */
final class Results {

    static final double TARGET_RATIO = 0.5;
    static final double TARGET_P99_MS = 200;

    final LoadOptions options;
    final Instant started = Instant.now();
    final String loadAtStart = CpuMeter.loadAverage();
    Instant finished;
    Machine machine;
    String postgresVersion;
    Map<String, String> postgresSettings;
    List<String> serviceJvmOptions;
    Path serviceLog;
    PgbenchCeiling.Result ceiling;
    String workload;
    int tokensSigned;
    double signingSeconds;
    HttpDriver.Result warmup;
    String warmupNote;
    HttpDriver.Result burst;
    List<Yardsticks.Run> yardsticks;
    /** What the fault run did (modes KILL and BROKER_OUTAGE). */
    String faultNote;
    /** The open loop's steps (mode OPEN), in the order run; {@link #burst} then holds all their requests together. */
    List<OpenStep> openSteps;

    /** One open-loop step with what PostgreSQL wrote during it. */
    /** @param slowestPerSecond the slowest answer of each second of the step (ms, by intended send): one stall or many */
    record OpenStep(OpenLoopDriver.Step step, long walBytes, long commits, String slowestPerSecond) {
        boolean sustained() {
            return step.errorFree() && step.p99Ms() <= TARGET_P99_MS && step.achievedPerSecond() >= 0.95 * step.offeredPerSecond();
        }
    }

    /** The HTTP layer alone in the same run (mode OPEN): {@code GET /me} steps, and how many answers named their own citizen. */
    List<OpenStep> httpAloneSteps;
    int httpAloneAnswered;
    int httpAloneOwnAnswers;

    /** The highest rate sustained in the open loop (error-free, p99 ≤ 200 ms from the intended time, ≥ 95% of offered). */
    OpenStep sustained() {
        return sustained(openSteps);
    }

    static OpenStep sustained(List<OpenStep> steps) {
        OpenStep best = null;
        for (OpenStep s : steps == null ? List.<OpenStep>of() : steps) {
            if (s.sustained() && (best == null || s.step().offeredPerSecond() > best.step().offeredPerSecond())) {
                best = s;
            }
        }
        return best;
    }
    CpuMeter.Usage burstCpu;
    int expectedStatus;
    IntakeChecks.Outcome outcome;
    final List<String> errors = new ArrayList<>();

    Results(LoadOptions options) {
        this.options = options;
    }

    void error(String phase, Throwable e) {
        String message = e.getMessage() != null ? e.getMessage() : e.toString();
        errors.add(phase + ": " + message);
        System.err.println("[load] " + phase + " failed: " + message);
    }

    boolean checksPassed() {
        return outcome == null || outcome.passed();
    }

    /** A run fails when something could not be done or a correctness check failed; a missed target is reported, not failed. */
    boolean failed() {
        return !errors.isEmpty() || !checksPassed();
    }

    Double ratio() {
        if (burst == null || ceiling == null || ceiling.best().tps() <= 0) {
            return null;
        }
        if (openSteps != null) {
            OpenStep best = sustained();
            return best == null ? 0.0 : best.step().achievedPerSecond() / ceiling.best().tps();
        }
        return burst.perSecond(expectedStatus) / ceiling.best().tps();
    }

    double p99Ms() {
        return Latencies.millis(burst.latencies().percentile(0.99));
    }

    Boolean targetMet() {
        Double ratio = ratio();
        if (ratio == null || (options.mode() != LoadOptions.Mode.BURST && options.mode() != LoadOptions.Mode.OPEN)) {
            return null;
        }
        if (openSteps != null) {
            return ratio >= TARGET_RATIO;
        }
        return ratio >= TARGET_RATIO && p99Ms() <= TARGET_P99_MS && burst.count(expectedStatus) == burst.requests();
    }

    Path write() {
        try {
            Files.createDirectories(options.results().getParent());
            Files.writeString(options.results(), markdown(), StandardCharsets.UTF_8);
            return options.results();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        String day = started.atZone(ApplicationServiceContract.CALL_ZONE).toLocalDate().toString();
        md.append("# Intake under a click-day burst: ").append(day);
        if (options.mode() != LoadOptions.Mode.BURST) {
            md.append(" (").append(options.mode().label()).append(" only)");
        }
        md.append("\n\n").append(verdict()).append("\n");

        if (openSteps != null && !openSteps.isEmpty()) {
            openSteps(md);
        }
        if (httpAloneSteps != null && !httpAloneSteps.isEmpty()) {
            httpAlone(md);
        }
        if (burst != null) {
            numbers(md);
        }
        if (outcome != null) {
            checks(md);
        }
        if (ceiling != null) {
            ceiling(md);
        }
        if (yardsticks != null) {
            yardsticks(md);
        }
        if (machine != null && ceiling != null && yardsticks != null) {
            budget(md, MachineBudget.of(machine.cores(), ceiling.best(), sustained(httpAloneSteps), yardsticks, sustained()));
        }
        if (!errors.isEmpty()) {
            md.append("\n## What could not be done\n\n");
            errors.forEach(e -> md.append("- ").append(oneLine(e)).append("\n"));
        }
        setup(md);
        if (burst != null) {
            timeline(md);
        }
        return md.toString();
    }

    private String verdict() {
        StringBuilder v = new StringBuilder();
        String where = machine == null ? "" : "On " + machine.cores() + " cores, with the load generator, the service, Kafka and"
                + " PostgreSQL sharing them, ";
        switch (options.mode()) {
            case OPEN -> openVerdict(v, where);
            case KILL -> v.append("Fault run: ").append(faultNote == null ? "it did not run (see below)." : faultNote)
                    .append(" The numbers below count what each citizen was finally answered; the latencies are the first attempts'.");
            case BROKER_OUTAGE -> v.append("Fault run: ").append(faultNote == null ? "it did not run (see below)." : faultNote);
            case CEILING -> v.append("Ceiling only: no service was started.");
            case DRIVER_CHECK -> v.append("Driver check only: the burst sent `GET ").append(ApplicationServiceContract.DRIVER_CHECK_PATH)
                    .append("` with citizen tokens instead of applications, so its numbers tell what the generator, the JDK client and the ")
                    .append("service's token verification sustain, not what intake does.");
            case BURST -> {
                if (burst == null) {
                    v.append("The burst did not run (see below), so there is no intake rate to report.");
                    break;
                }
                int accepted = burst.count(expectedStatus);
                v.append(String.format(Locale.ROOT, "%s%s accepted %s of %s applications at %.0f per second "
                                + "(p50 %.1f ms, p99 %.1f ms at %d in flight).", where, where.isEmpty() ? "Application-service" : "application-service",
                        n(accepted), n(burst.requests()), burst.perSecond(expectedStatus),
                        Latencies.millis(burst.latencies().percentile(0.5)), p99Ms(), burst.concurrency()));
                Double ratio = ratio();
                if (ratio != null) {
                    v.append(String.format(Locale.ROOT, " The same PostgreSQL, measured by pgbench in the same run, commits at most %.0f "
                                    + "durable single-row inserts of an application-sized row per second (best of %s clients), so intake ran at "
                                    + "%.2f × that ceiling.", ceiling.best().tps(),
                            ceiling.runs().stream().map(r -> Integer.toString(r.clients())).collect(Collectors.joining("/")), ratio));
                    boolean rateOk = ratio >= TARGET_RATIO;
                    boolean p99Ok = p99Ms() <= TARGET_P99_MS;
                    boolean allAccepted = accepted == burst.requests();
                    if (Boolean.TRUE.equals(targetMet())) {
                        v.append(" The target (≥ 0.5 × the ceiling with p99 ≤ 200 ms) is **met**.");
                    } else {
                        List<String> missed = new ArrayList<>();
                        if (!rateOk) {
                            missed.add(String.format(Locale.ROOT, "the rate is %.2f × the ceiling, below 0.5", ratio));
                        }
                        if (!p99Ok) {
                            missed.add(String.format(Locale.ROOT, "p99 is %.1f ms, above 200 ms", p99Ms()));
                        }
                        if (!allAccepted) {
                            missed.add(n(burst.requests() - accepted) + " applications were not accepted");
                        }
                        v.append(" The target (≥ 0.5 × the ceiling with p99 ≤ 200 ms) is **not met**: ")
                                .append(String.join("; ", missed)).append(".");
                    }
                } else {
                    v.append(" No pgbench ceiling was measured, so there is no ratio and no verdict on the target.");
                }
            }
        }
        if ((options.mode() != LoadOptions.Mode.BURST && options.mode() != LoadOptions.Mode.OPEN || burst == null) && ceiling != null) {
            v.append(String.format(Locale.ROOT, " The durable-insert ceiling of this PostgreSQL (fsync on, synchronous_commit on), "
                    + "measured by pgbench with one application-sized insert per transaction, is %.0f per second (best at %d clients).",
                    ceiling.best().tps(), ceiling.best().clients()));
        }
        if (burstCpu != null) {
            v.append(" During the burst ").append(cpuLine(burstCpu)).append(".");
        }
        if (outcome != null) {
            long failedChecks = outcome.checks().stream().filter(c -> !c.passed()).count();
            String what = options.mode() != LoadOptions.Mode.DRIVER_CHECK
                    ? " (nothing lost, nothing counted twice, nothing over-committed, money in receipt order)."
                    : " (every request answered, each answer for its own request's citizen).";
            v.append(failedChecks == 0
                    ? " Correctness: all " + outcome.checks().size() + " checks passed" + what
                    : " Correctness: **" + failedChecks + " of " + outcome.checks().size() + " checks failed** (see below).");
        }
        if (!errors.isEmpty()) {
            v.append(" Not everything could be done: see below.");
        }
        return v.toString();
    }

    private void openVerdict(StringBuilder v, String where) {
        if (openSteps == null || openSteps.isEmpty()) {
            v.append("The open loop did not run (see below), so there is no intake rate to report.");
            return;
        }
        OpenStep best = sustained();
        v.append(where).append(where.isEmpty() ? "Application-service" : "application-service").append(" took applications at fixed arrival rates ")
                .append("(open loop, latency from each request's intended send time). ");
        if (best == null) {
            v.append("No step was sustained (error-free, p99 ≤ 200 ms, ≥ 95% of the offered rate).");
        } else {
            OpenLoopDriver.Step s = best.step();
            v.append(String.format(Locale.ROOT, "The highest rate sustained was **%d/s offered, %.0f/s accepted** (p50 %.1f ms, p99 %.1f ms, "
                            + "max %.1f ms); at that rate each application took %s of CPU.", s.offeredPerSecond(), s.achievedPerSecond(),
                    s.fromIntended().getValueAtPercentile(50) / 1000.0, s.p99Ms(), s.fromIntended().getMaxValue() / 1000.0, cpuPer(s)));
        }
        Double ratio = ratio();
        if (ratio != null) {
            v.append(String.format(Locale.ROOT, " pgbench's durable single-row ceiling in the same run is %.0f/s, so the sustained rate is "
                    + "%.2f × that ceiling: the target (≥ 0.5 ×, p99 ≤ 200 ms) is **%s**.", ceiling.best().tps(), ratio,
                    Boolean.TRUE.equals(targetMet()) ? "met" : "not met"));
        }
        OpenStep http = sustained(httpAloneSteps);
        if (httpAloneSteps != null && !httpAloneSteps.isEmpty()) {
            v.append(http == null ? " The HTTP layer alone (`GET /me`, a fresh citizen token each) sustained no step in the same run."
                    : String.format(Locale.ROOT, " The HTTP layer alone (`GET /me` with a fresh citizen token each, no database) sustained "
                            + "**%.0f/s** in the same run%s, taking %s of CPU per request.", http.step().achievedPerSecond(),
                    ceiling == null ? "" : String.format(Locale.ROOT, " (%.2f × the ceiling)", http.step().achievedPerSecond() / ceiling.best().tps()),
                    cpuPer(http.step())));
        }
    }

    /** The CPU each accepted request of a step cost, part by part, in ms. */
    private static String cpuPer(OpenLoopDriver.Step s) {
        double accepted = s.expected() / s.wallSeconds();
        return s.cpu().cores().entrySet().stream().map(e -> String.format(Locale.ROOT, "%.2f ms %s", e.getValue() / accepted * 1000, e.getKey()))
                .collect(Collectors.joining(", "));
    }

    private void httpAlone(StringBuilder md) {
        md.append("\n## The HTTP layer alone (driver check), same run, open loop\n\nAfter the intake steps and their checks, the same ")
                .append("client sent `GET ").append(ApplicationServiceContract.DRIVER_CHECK_PATH).append("` at fixed arrival rates, each ")
                .append("with a fresh citizen token (as every application has): the service's HTTP layer, token verification and JSON, ")
                .append("no database. It tells how much of the machine intake could have without writing anything. ")
                .append(n(httpAloneOwnAnswers)).append(" of ").append(n(httpAloneAnswered))
                .append(" answers named their own token's citizen.\n\n")
                .append("| offered/s | answered 200 | other | answered/s | p50 / p99 / max from intended (ms) | cores: ")
                .append(httpAloneSteps.get(0).step().cpu().cores().keySet().stream().collect(Collectors.joining(" / ")))
                .append(" | CPU per request | sustained |\n| ---: | ---: | --- | ---: | --- | --- | --- | --- |\n");
        for (OpenStep o : httpAloneSteps) {
            OpenLoopDriver.Step s = o.step();
            var h = s.fromIntended();
            md.append(String.format(Locale.ROOT, "| %d | %s | %s | %.0f | %.1f / %.1f / %.1f | %s | %s | %s |%n", s.offeredPerSecond(),
                    n(s.expected()), others(s, 200), s.achievedPerSecond(), h.getValueAtPercentile(50) / 1000.0,
                    h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0, cores(s), cpuPer(s), o.sustained() ? "yes" : "**no**"));
        }
    }

    private static String cores(OpenLoopDriver.Step s) {
        return s.cpu().cores().values().stream().map(c -> String.format(Locale.ROOT, "%.2f", c)).collect(Collectors.joining(" / "))
                + String.format(Locale.ROOT, " (machine %.0f%% busy)", s.cpu().machineBusy() * 100);
    }

    private static String others(OpenLoopDriver.Step s, int expected) {
        String others = s.byStatus().entrySet().stream().filter(e -> e.getKey() != expected)
                .map(e -> (e.getKey() == HttpDriver.NO_ANSWER ? "no answer" : e.getKey().toString()) + ": " + n(e.getValue()))
                .collect(Collectors.joining(", "));
        if (!s.failures().isEmpty()) {
            others += " (" + s.failures().entrySet().stream().map(e -> e.getKey() + " " + n(e.getValue())).collect(Collectors.joining(", ")) + ")";
        }
        return others.isEmpty() ? "none" : others;
    }

    private void openSteps(StringBuilder md) {
        md.append("\n## Open loop, step by step\n\nEach step offers one rate for its time, then waits for every answer; the next starts ")
                .append("from an empty queue. Latency from the intended send time counts the time a request waited because the service ")
                .append("was behind; from the actual send it is the service's answer time alone. WAL and commits are PostgreSQL's ")
                .append("during the step (commits from its statistics, all of the service's transactions: intake, funding, outbox relay).\n\n")
                .append("| offered/s | accepted | other | accepted/s | p50 / p90 / p99 / p99.9 / max from intended (ms) | p50 / p99 from sent (ms) ")
                .append("| WAL per application | commits per application | cores: ").append(openSteps.get(0).step().cpu().cores().keySet().stream()
                        .collect(Collectors.joining(" / "))).append(" | sustained |\n")
                .append("| ---: | ---: | --- | ---: | --- | --- | ---: | ---: | --- | --- |\n");
        for (OpenStep o : openSteps) {
            OpenLoopDriver.Step s = o.step();
            var h = s.fromIntended();
            md.append(String.format(Locale.ROOT, "| %d | %s | %s | %.0f | %.1f / %.1f / %.1f / %.1f / %.1f | %.1f / %.1f | %s | %.2f | %s | %s |%n",
                    s.offeredPerSecond(), n(s.expected()), others(s, expectedStatus), s.achievedPerSecond(),
                    h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                    h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0,
                    s.fromSent().getValueAtPercentile(50) / 1000.0, s.fromSent().getValueAtPercentile(99) / 1000.0,
                    s.expected() == 0 ? "-" : String.format(Locale.ROOT, "%.0f bytes", (double) o.walBytes() / s.expected()),
                    s.expected() == 0 ? 0.0 : (double) o.commits() / s.expected(),
                    cores(s), o.sustained() ? "yes" : "**no**"));
        }
        md.append("\nThe slowest answer of each second of a step, by intended send time (ms), tells one stall from a steady queue:\n\n");
        for (OpenStep o : openSteps) {
            md.append("- ").append(o.step().offeredPerSecond()).append("/s: ").append(o.slowestPerSecond()).append("\n");
        }
    }

    private void yardsticks(StringBuilder md) {
        md.append("\n## Yardsticks: what this PostgreSQL can durably write, same run\n\nEach run `pgbench -n -T ")
                .append(options.pgbenchSeconds()).append("` after a `CHECKPOINT`, on tables shaped as the service's (`Yardsticks`). ")
                .append("Rows are the ceiling's application-sized row, or one application's whole write set (application row with its ")
                .append("indexes and foreign key, household claim, two outbox rows).\n\n")
                .append("| what | per transaction | clients | transactions/s | rows/s | latency average | WAL per row | PostgreSQL cores | machine busy |")
                .append(" sustained intake / rows/s |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        Double intake = null;
        if (openSteps != null && sustained() != null) {
            intake = sustained().step().achievedPerSecond();
        } else if (openSteps == null && burst != null) {
            intake = burst.perSecond(expectedStatus);
        }
        for (Yardsticks.Run r : yardsticks) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.0f | %.0f | %.2f ms | %.0f bytes | %.2f | %.0f%% | %s |%n", r.name(),
                    r.rowsPerTransaction(), r.clients(), r.tps(), r.rowsPerSecond(), r.latencyAverageMs(), r.walBytesPerRow(),
                    r.postgresCores(), r.machineBusy() * 100, intake == null || r.rowsPerSecond() == 0 ? "-"
                            : String.format(Locale.ROOT, "%.2f", intake / r.rowsPerSecond())));
        }
    }

    private static void budget(StringBuilder md, MachineBudget b) {
        md.append("\n## The target as CPU, same run\n\nEverything shares the machine's ").append(b.cores())
                .append(" cores, so a rate of 0.5 × the ceiling leaves each application at most ")
                .append(String.format(Locale.ROOT, "**%.3f ms** of the machine's CPU (%d cores / %.0f per second), with the machine fully busy. ",
                        b.budgetMs(), b.cores(), TARGET_RATIO * b.ceilingPerSecond()))
                .append("Beside it, what this run measured, as the whole machine's CPU (busy share × cores) per request at the rate named:\n\n")
                .append("| what | per second | machine busy | machine CPU each | share of the budget |\n| --- | ---: | ---: | ---: | ---: |\n");
        for (MachineBudget.Part p : b.parts()) {
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f%% | %.3f ms | %.0f%% |%n", p.name(), p.perSecond(), p.machineBusy() * 100,
                    p.msEach(b.cores()), p.msEach(b.cores()) / b.budgetMs() * 100));
        }
        if (b.complete()) {
            md.append(String.format(Locale.ROOT, "%nThe HTTP layer with a fresh token and the batched write set, which every application pays "
                            + "whatever intake does, add up to %.3f ms: %.0f%% of the budget. With nothing else at all, the machine would take "
                            + "%.2f × the ceiling fully busy; the rest of the budget (%.3f ms) is all that reading the form, the checks, the "
                            + "events, the relay, the broker and the funding pass may cost together.%n", b.floorMs(),
                    b.floorMs() / b.budgetMs() * 100, b.floorRatio(), Math.max(0, b.budgetMs() - b.floorMs())));
        }
    }

    private void numbers(StringBuilder md) {
        Latencies all = burst.latencies();
        md.append("\n## Numbers\n\n| measure | value |\n| --- | --- |\n");
        row(md, "workload", workload);
        row(md, "answered " + expectedStatus, n(burst.count(expectedStatus)) + " of " + n(burst.requests()));
        Map<Integer, Integer> byStatus = burst.byStatus();
        String others = byStatus.entrySet().stream().filter(e -> e.getKey() != expectedStatus)
                .map(e -> (e.getKey() == HttpDriver.NO_ANSWER ? "no answer" : e.getKey().toString()) + ": " + n(e.getValue()))
                .collect(Collectors.joining(", "));
        row(md, "other answers", others.isEmpty() ? "none" : others);
        if (!burst.failures().isEmpty()) {
            row(md, "requests without an answer, by cause", burst.failures().toString());
        }
        row(md, "burst wall time", String.format(Locale.ROOT, "%.2f s", burst.wallSeconds()));
        row(md, expectedStatus + " answers per second", String.format(Locale.ROOT, "%.0f", burst.perSecond(expectedStatus)));
        row(md, "latency p50 / p90 / p99 / max, all answers", latencyLine(all));
        if (burst.count(expectedStatus) != burst.requests()) {
            row(md, "latency p50 / p90 / p99 / max, " + expectedStatus + " answers only", latencyLine(burst.latencies(expectedStatus)));
        }
        row(md, "latency mean", String.format(Locale.ROOT, "%.1f ms", all.meanMillis()));
        row(md, openSteps != null ? "load" : "requests in flight (closed loop)", openSteps != null
                ? "open loop (fixed arrival rates; the rows above are every step together, latency from the intended send time)"
                : Integer.toString(burst.concurrency()));
        if (burstCpu != null) {
            row(md, "CPU during the burst, in cores", cpuLine(burstCpu));
        }
        if (ceiling != null) {
            row(md, "pgbench ceiling (best)", String.format(Locale.ROOT, "%.0f inserts/s at %d clients", ceiling.best().tps(),
                    ceiling.best().clients()));
            row(md, "ratio to the ceiling", String.format(Locale.ROOT, "%.2f", ratio()));
        }
        Boolean met = targetMet();
        if (met != null) {
            row(md, "target: ≥ 0.5 × ceiling, p99 ≤ 200 ms", met ? "**met**" : "**not met**");
        }
        if (!burst.sampleBodies().isEmpty()) {
            md.append("\nA sample answer for each other status:\n\n");
            burst.sampleBodies().forEach((code, body) -> md.append("- ").append(code).append(": `")
                    .append(oneLine(body).replace('`', '\'')).append("`\n"));
        }
    }

    private void checks(StringBuilder md) {
        md.append("\n## Checks\n\n| check | result | detail |\n| --- | --- | --- |\n");
        for (IntakeChecks.Check c : outcome.checks()) {
            md.append("| ").append(c.name()).append(" | ").append(c.passed() ? "passed" : "**FAILED**").append(" | ")
                    .append(cell(c.detail())).append(" |\n");
        }
        if (outcome.funding() != null) {
            var f = outcome.funding();
            md.append("\nFunding status at the end (REST): budget ").append(f.budget().toPlainString()).append(", committed ")
                    .append(f.committed().toPlainString()).append(", ").append(n(f.applications())).append(" applications: ")
                    .append(IntakeChecks.describe(f)).append(".");
            if (outcome.settledSeconds() != null) {
                md.append(String.format(Locale.ROOT, " The funding worker had finished %.1f s after the burst's last answer (polled every second).",
                        outcome.settledSeconds()));
            }
            md.append("\n");
        }
        if (!outcome.statuses().isEmpty()) {
            md.append("\nApplications of the call by status (database): ").append(outcome.statuses().entrySet().stream()
                    .map(e -> e.getKey() + " " + n(e.getValue())).collect(Collectors.joining(", "))).append(".\n");
        }
    }

    private void ceiling(StringBuilder md) {
        md.append("\n## pgbench ceiling: durable single-row inserts of an application-sized row\n\n");
        md.append(options.mode() == LoadOptions.Mode.CEILING ? "The PostgreSQL server a burst would use, set up the same way (no service "
                        + "running), in a database of its own (`" : "Same PostgreSQL server as the service, same run, a database of its own (`")
                .append(PgbenchCeiling.DATABASE)
                .append("`) dropped afterwards. One `INSERT` per transaction, autocommit, each run from an empty table after a ")
                .append("`CHECKPOINT`; `pgbench -n -c C -j J -T ").append(ceiling.runs().get(0).seconds()).append("`. ")
                .append(ceiling.pgbenchVersion()).append(String.format(Locale.ROOT, "; payload %d bytes of JSON text, %d bytes stored as jsonb.%n%n",
                        ceiling.payloadBytes(), ceiling.storedPayloadBytes()));
        md.append("| clients | threads | seconds | tps | latency average | transactions | failed | rows in the table afterwards "
                + "| machine busy | cores used by PostgreSQL / pgbench / everything else |\n");
        md.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (PgbenchCeiling.Run r : ceiling.runs()) {
            md.append(String.format(Locale.ROOT, "| %d | %d | %d | %s%.0f%s | %.2f ms | %s | %s | %s | %.0f%% | %.2f / %.2f / %.2f |%n",
                    r.clients(), r.threads(), r.seconds(), r == ceiling.best() ? "**" : "", r.tps(), r == ceiling.best() ? "**" : "",
                    r.latencyAverageMs(), n(r.transactions()), n(r.failed()), n(r.rowsInTable()), r.machineBusy() * 100,
                    r.postgresCores(), r.pgbenchCores(), r.otherCores()));
        }
        md.append("\n<details><summary>table and pgbench script</summary>\n\n```sql\n").append(PgbenchCeiling.TABLE_DDL)
                .append("\n```\n\n```\n").append(ceiling.script().strip()).append("\n```\n\n</details>\n");
    }

    private void setup(StringBuilder md) {
        DateTimeFormatter utc = DateTimeFormatter.ISO_LOCAL_DATE_TIME.withZone(ZoneOffset.UTC);
        md.append("\n## Setup\n\n");
        item(md, "when", utc.format(started.truncatedTo(ChronoUnit.SECONDS)) + " to "
                + (finished == null ? "?" : utc.format(finished.truncatedTo(ChronoUnit.SECONDS))) + " UTC");
        if (machine != null) {
            item(md, "commit", "`" + machine.gitCommit() + "`");
            item(md, "machine", machine.cores() + " cores (" + machine.cpu() + "), " + machine.memory() + " memory, "
                    + machine.os() + "; PostgreSQL data on " + machine.disk());
            item(md, "java", machine.javaVersion());
            item(md, "load average when the run started", loadAtStart + " (1, 5, 15 min): anything well above 0 means other work "
                    + "shared the machine");
        }
        if (postgresVersion != null) {
            item(md, "PostgreSQL", postgresVersion + " (embedded zonky binaries, one server for the service and pgbench)");
            item(md, "PostgreSQL settings", postgresSettings.entrySet().stream().map(e -> "`" + e.getKey() + "=" + e.getValue() + "`")
                    .collect(Collectors.joining(", ")) + "; everything else at its default");
        }
        if (serviceJvmOptions != null) {
            item(md, "service", "`" + shortPath(options.serviceJar()) + "` as a child process, JVM options `"
                    + String.join(" ", serviceJvmOptions) + "`, its own configuration otherwise (datasource pool, Kafka, OIDC) "
                    + "pointed at this run's servers; the in-JVM Kafka broker and the OIDC issuer run in the generator's JVM; log `"
                    + shortPath(serviceLog) + "`");
            String closedLoop = "JDK `HttpClient`, HTTP/1.1 keep-alive, asynchronous, at most " + options.concurrency()
                    + " requests in flight (a new one leaves when an answer comes back), request timeout "
                    + options.requestTimeout().toSeconds() + " s; latency from hand-over to the client to the complete answer; "
                    + "percentiles by nearest rank over every request";
            item(md, "generator", options.mode() == LoadOptions.Mode.OPEN
                    ? "the steps: one Vert.x event loop, HTTP/1.1 keep-alive, at most " + options.openConnections() + " connections, "
                    + "requests sent by a scheduler thread at their intended times whatever the service does, latency from the intended "
                    + "send time into HdrHistograms (corrected for coordinated omission), request timeout " + options.requestTimeout().toSeconds()
                    + " s; the closed-loop warmup: " + closedLoop
                    : closedLoop);
        }
        if (tokensSigned > 0) {
            item(md, "tokens", String.format(Locale.ROOT, "%s RS256 citizen tokens for as many distinct valid fiscal codes, "
                    + "signed before the burst in %.1f s (%.0f/s), not part of the measurement", n(tokensSigned), signingSeconds,
                    tokensSigned / Math.max(signingSeconds, 1e-9)));
        }
        if (warmup != null) {
            item(md, "warmup", String.format(Locale.ROOT, "%s requests" + (options.mode() == LoadOptions.Mode.BURST
                            ? " against a separate call" : "") + ", not counted: %s answered %d, "
                            + "%.0f/s, p99 %.1f ms%s", n(warmup.requests()), n(warmup.count(expectedStatus)), expectedStatus,
                    warmup.perSecond(expectedStatus), Latencies.millis(warmup.latencies().percentile(0.99)),
                    warmupNote == null ? "" : "; " + warmupNote));
        } else if (options.mode() != LoadOptions.Mode.CEILING) {
            item(md, "warmup", "none");
        }
        item(md, "run with", "`./mvnw -Pload -pl load-test -am verify -DskipTests" + arguments() + "`");
    }

    private String arguments() {
        StringBuilder args = new StringBuilder();
        if (options.mode() != LoadOptions.Mode.BURST) {
            args.append(" -Dload.mode=").append(options.mode().label());
        }
        if (options.mode() != LoadOptions.Mode.CEILING) {
            args.append(" -Dload.applications=").append(options.applications()).append(" -Dload.concurrency=")
                    .append(options.concurrency()).append(" -Dload.warmup=").append(options.warmup());
        }
        return args.toString();
    }

    private void timeline(StringBuilder md) {
        Duration bucket = Duration.ofSeconds(5);
        List<Integer> counts = burst.timeline(expectedStatus, bucket);
        double lastWindow = burst.wallSeconds() - (counts.size() - 1) * 5.0;
        List<String> rates = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            double seconds = i < counts.size() - 1 ? 5.0 : lastWindow;
            if (seconds >= 0.5) {
                rates.add(String.format(Locale.ROOT, "%.0f", counts.get(i) / seconds));
            }
        }
        md.append("\n## Timeline\n\n").append(expectedStatus).append(" answers per second in 5-second windows from the first request")
                .append(String.format(Locale.ROOT, " (the last one %.1f s long): ", lastWindow))
                .append(String.join(", ", rates)).append(".\n");
    }

    private static String cpuLine(CpuMeter.Usage usage) {
        String parts = usage.cores().entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue())).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "the machine was %.0f%% busy (of %d cores): %s, other processes %.2f cores",
                usage.machineBusy() * 100, usage.machineCores(), parts, usage.others());
    }

    /** Relative to the repository when inside it. */
    private String shortPath(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(options.root()) ? options.root().relativize(absolute).toString() : absolute.toString();
    }

    private static String latencyLine(Latencies l) {
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f / %.1f ms", Latencies.millis(l.percentile(0.5)),
                Latencies.millis(l.percentile(0.9)), Latencies.millis(l.percentile(0.99)), Latencies.millis(l.max()));
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(cell(value)).append(" |\n");
    }

    private static void item(StringBuilder md, String name, String value) {
        md.append("- **").append(name).append("**: ").append(value).append("\n");
    }

    private static String cell(String text) {
        return oneLine(text).replace("|", "\\|");
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\n\\s*", " ").strip();
    }

    private static String n(long value) {
        return Machine.formatInt(value);
    }
}
