package org.fondicasa.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fondicasa.application.call.CallRules;
import org.fondicasa.application.eligibility.Assessment;
import org.fondicasa.application.ranking.Ranking;
import org.fondicasa.platform.money.Euro;
import org.fondicasa.platform.time.RomeTime;
import org.fondicasa.testing.TokenFactory;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ranking at national scale (issue #14, item 4): one ranked rent-support call (DM 7/6/1999, proportional cut of band A)
 * with 400.505 applications, and the time and memory application-service needs to simulate and publish its ranking.
 * A benchmark, not a test: it starts a durable PostgreSQL and the packaged service ({@link Stack}), creates the call
 * through the API with a budget below band A's need, sends a few applications through HTTP, bulk-loads the rest with
 * COPY into the same tables (forms and assessments made by application-service's own domain classes, see
 * {@link RentSupportHouseholds}), moves the service's clock past the closing, then times {@code POST
 * /calls/{id}/ranking/simulations} and {@code /ranking/publication}, measures the service's memory (resident peak
 * from /proc, heap from its GC log) and checks that both answers equal the domain core's {@link Ranking} computed here
 * on the same data: same order, same contributions to the cent, same explanations, same total. Writes Markdown to
 * load-test/results/ranking-&lt;date&gt;.md. Run: {@code ./mvnw -Pranking -pl load-test -am verify -DskipTests}.
 */
public final class RankingBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String ISTAT = "072006";
    private static final long TARGET_MILLIS = 5_000;
    private static final Pattern GC_LINE = Pattern.compile("^\\[(\\d+\\.\\d+)s].*?(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private final Path root = Path.of(System.getProperty("fondicasa.root", ".")).toAbsolutePath().normalize();
    private final int applications = Integer.getInteger("ranking.applications", 400_505);
    private final int httpSamples = Integer.getInteger("ranking.http", 20);
    /** Budget as a share of band A's total need, in percent: below 100 the proportional cut applies. */
    private final int budgetPercent = Integer.getInteger("ranking.budget.percent", 62);
    private final Duration requestTimeout = Duration.ofSeconds(Integer.getInteger("ranking.request.timeout", 1800));
    private final Path work = root.resolve("load-test/target/ranking");
    private final Path results = root.resolve(System.getProperty("ranking.results",
            "load-test/results/ranking-" + LocalDate.now(RomeTime.ZONE) + ".md"));
    private final String heap = System.getProperty("ranking.service.jvm", "-Xmx1g").trim();
    private final boolean jfr = Boolean.getBoolean("ranking.jfr");

    private final List<String> report = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        RankingBenchmark benchmark = new RankingBenchmark();
        try {
            benchmark.run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            benchmark.failures.add("run stopped: " + e);
        } finally {
            benchmark.write();
        }
        if (!benchmark.failures.isEmpty()) {
            throw new IllegalStateException("the ranking benchmark failed: " + String.join("; ", benchmark.failures)
                    + "; see " + benchmark.results);
        }
    }

    // ---- the run ------------------------------------------------------------------------------------------------

    private record Phase(String name, int status, long millis, long bytes, String rss, String heap, Map<String, Double> cpu,
                         String error) {
    }

    private final List<Phase> phases = new ArrayList<>();
    private final Map<String, String> setup = new LinkedHashMap<>();
    private final Map<String, String> data = new LinkedHashMap<>();
    private final List<String[]> checks = new ArrayList<>();

    private void run() throws Exception {
        Files.createDirectories(work.resolve("logs"));
        Path gcLog = work.resolve("logs/application-service-gc.log");
        Files.deleteIfExists(gcLog);
        List<String> jvm = new ArrayList<>(List.of(heap.split("\\s+")));
        jvm.add("-Xlog:gc:file=" + gcLog + ":uptime");
        if (jfr) {
            jvm.add("-XX:StartFlightRecording=filename=" + work.resolve("ranking.jfr") + ",settings=profile,dumponexit=true");
        }
        // the service's own prod settings plus profile local, whose only difference is a clock that may be moved forward
        jvm.add("-Dquarkus.profile=prod,local");
        // the intake load's options, read as it reads them: Stack takes the service's jar, JVM options and work directory
        System.setProperty("load.service.jvm", String.join(" ", jvm));
        System.setProperty("load.pgbench", "false");
        System.setProperty("load.warmup", "0");
        LoadOptions options = LoadOptions.fromSystemProperties();
        System.out.println("[ranking] " + applications + " applications; results go to " + results);
        try (Stack stack = Stack.start(options, true)) {
            setup.put("service JVM options", String.join(" ", stack.service().jvmOptions()));
            setup.put("PostgreSQL", stack.postgres().version());
            setup.put("PostgreSQL settings", stack.postgres().settings().toString());
            measure(stack, gcLog);
        } finally {
            Machine machine = Machine.describe(root, work);
            setup.put("machine", machine.cores() + " cores (" + machine.cpu() + "), " + machine.memory() + ", " + machine.os()
                    + ", disk " + machine.disk());
            setup.put("java", machine.javaVersion());
            setup.put("commit", machine.gitCommit());
        }
    }

    private void measure(Stack stack, Path gcLog) throws Exception {
        TokenFactory tokens = stack.tokens();
        Http http = new Http(stack.serviceUrl());
        DurablePostgres postgres = stack.postgres();

        // the call's rules: the template of the source documents with the proportional cut of band A
        ObjectNode rules = (ObjectNode) JSON.readTree(http.expect(200, "GET", "/call-templates/RENT_SUPPORT", tokens.regionOfficer(), null))
                .get("rules");
        ((ObjectNode) rules.get("rentSupport")).putObject("payment").put("type", "PROPORTIONAL_BAND_A").putArray("cuts");
        ((ObjectNode) rules.get("rentSupport").get("payment")).put("legalRef",
                "DGR 1724/2020: when funds fall short, band A contributions are cut in proportion; band B gets nothing");
        CallRules callRules = RentSupportHouseholds.rules(JSON.writeValueAsString(rules));
        LocalDateTime serviceNow = OffsetDateTime.parse(JSON.readTree(http.expect(200, "GET", "/clock", tokens.regionOfficer(), null))
                .get("rome").asText()).atZoneSameInstant(RomeTime.ZONE).toLocalDateTime();
        RentSupportHouseholds households = new RentSupportHouseholds(callRules, serviceNow.toLocalDate());

        // pass 1: every household assessed, band A's need summed, so that the budget falls short of it
        System.out.println("[ranking] assessing " + applications + " households (pass 1: the budget) ...");
        long t = System.nanoTime();
        long needA = 0;
        long needB = 0;
        int bandA = 0;
        int bandB = 0;
        int notEligible = 0;
        for (int i = 0; i < applications; i++) {
            Assessment a = households.generate(i).assessment();
            if (!a.eligible()) {
                notEligible++;
            } else if (a.band() == org.fondicasa.application.eligibility.Band.A) {
                bandA++;
                needA += a.needCents();
            } else {
                bandB++;
                needB += a.needCents();
            }
        }
        long budgetCents = needA / 100 * budgetPercent / 100 * 100;
        data.put("applications", Machine.formatInt(applications) + " (" + httpSamples + " through HTTP, the rest bulk-loaded with COPY)");
        data.put("band A", Machine.formatInt(bandA) + " eligible, need " + Euro.format(needA));
        data.put("band B", Machine.formatInt(bandB) + " eligible, need " + Euro.format(needB));
        data.put("not eligible", Machine.formatInt(notEligible));
        data.put("budget", Euro.format(budgetCents) + " (" + budgetPercent + "% of band A's need, whole euros): proportional cut of band A, band B nothing");
        data.put("generation", String.format(Locale.ROOT, "%.1f s to generate and assess every household once", (System.nanoTime() - t) / 1e9));

        // the call, through the API: open since a minute ago on the service's clock, for 30 days
        LocalDateTime opensAt = serviceNow.minusMinutes(1).truncatedTo(ChronoUnit.SECONDS);
        LocalDateTime closesAt = serviceNow.plusDays(30).truncatedTo(ChronoUnit.SECONDS);
        ObjectNode call = JSON.createObjectNode();
        call.put("kind", "RENT_SUPPORT").put("title", "Contributi canoni di locazione, scala nazionale (benchmark)")
                .put("legalAct", "L. 431/1998 art. 11; DM LL.PP. 7/6/1999 (benchmark)").put("istatCode", ISTAT).putNull("fundCode")
                .put("opensAt", opensAt.toString()).put("closesAt", closesAt.toString());
        call.putArray("budget").addObject().put("source", "COMUNE").put("amount", Euro.ofCents(budgetCents).toPlainString())
                .put("legalRef", "benchmark: municipal budget line");
        call.set("rules", rules);
        String callId = JSON.readTree(http.expect(201, "POST", "/calls", tokens.regionOfficer(), JSON.writeValueAsString(call)))
                .get("id").asText();
        data.put("call", callId + " (RENT_SUPPORT, ISTAT " + ISTAT + ", " + opensAt + " → " + closesAt + " Europe/Rome)");
        System.out.println("[ranking] call " + callId + ", budget " + Euro.format(budgetCents));

        // a few applications through HTTP, as citizens file them: the shape the bulk rows must have
        List<Ranking.Candidate> candidates = new ArrayList<>(bandA + bandB);
        Map<String, String> samples = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(httpSamples, applications); i++) {
            RentSupportHouseholds.Generated g = households.generate(i);
            JsonNode receipt = JSON.readTree(http.expect(201, "POST", "/calls/" + callId + "/applications",
                    tokens.citizen(g.applicant()), g.body()));
            String protocol = receipt.get("protocolNumber").asText();
            samples.put(protocol, RentSupportHouseholds.json(g.form()) + "\u0000" + RentSupportHouseholds.json(g.assessment()));
            candidate(candidates, protocol, receipt.get("placeInLine").asLong(), g.assessment());
        }
        checkSamples(postgres, samples);

        // the rest bulk-loaded in receipt order after them, received over the call's window
        System.out.println("[ranking] bulk-loading " + (applications - httpSamples) + " applications with COPY (pass 2) ...");
        t = System.nanoTime();
        bulkLoad(postgres, households, UUID.fromString(callId), opensAt, closesAt, candidates);
        data.put("bulk load", String.format(Locale.ROOT, "%.1f s (COPY of applications and household claims, then ANALYZE and CHECKPOINT)",
                (System.nanoTime() - t) / 1e9));
        data.put("stored", sizes(postgres));

        // past the closing on the service's clock
        Instant after = closesAt.plusMinutes(1).atZone(RomeTime.ZONE).toInstant();
        http.expect(200, "POST", "/clock/advance", tokens.regionOfficer(), "{\"to\":\"" + after + "\"}");

        Ranking.Result expected = Ranking.rank(budgetCents, candidates, callRules.rentSupport().payment());
        data.put("domain core (here)", Machine.formatInt(expected.entries().size()) + " ranked, committed " + Euro.format(expected.committedCents())
                + ", funded " + Machine.formatInt(expected.entries().stream().filter(e -> e.contributionCents() > 0).count()));

        long pid = stack.service().pid();
        long postmaster = CpuMeter.postmasterPid(postgres.dataDir());
        for (String name : List.of("simulation", "publication")) {
            String path = "/calls/" + callId + "/ranking/" + (name.equals("simulation") ? "simulations" : "publication");
            Path body = work.resolve(name + ".json");
            Phase phase = timed(name, path, tokens, stack.serviceUrl(), pid, postmaster, gcLog, body);
            phases.add(phase);
            System.out.printf(Locale.ROOT, "[ranking] %s: %d in %d ms, %s bytes; %s; %s%n", name, phase.status(), phase.millis(),
                    Machine.formatInt(phase.bytes()), phase.rss(), phase.heap());
            if (phase.status() == 200) {
                compare(name, body, expected, notEligible);
            } else {
                failures.add(name + " answered " + phase.status() + (phase.error() == null ? "" : ": " + phase.error()));
            }
        }
        if (phases.get(1).status() == 200) {
            checkDatabase(postgres, callId, expected, notEligible);
        }
    }

    private static void candidate(List<Ranking.Candidate> candidates, String protocol, long seq, Assessment a) {
        if (a.eligible()) {
            candidates.add(new Ranking.Candidate(protocol, seq, a.band(),
                    a.referenceIncomeCents() == null ? 0 : a.referenceIncomeCents(),
                    a.conventionalIncomeCents() == null ? 0 : a.conventionalIncomeCents(), a.needCents()));
        }
    }

    /** The applications sent through HTTP were stored with exactly the form and assessment made here (jsonb equality). */
    private void checkSamples(DurablePostgres postgres, Map<String, String> samples) throws SQLException {
        int same = 0;
        try (Connection c = postgres.connect(ApplicationServiceContract.DATABASE);
             PreparedStatement s = c.prepareStatement("select form = cast(? as jsonb) and assessment = cast(? as jsonb) "
                     + "from application.application where protocol_number = ?")) {
            for (Map.Entry<String, String> e : samples.entrySet()) {
                String[] parts = e.getValue().split("\u0000");
                s.setString(1, parts[0]);
                s.setString(2, parts[1]);
                s.setString(3, e.getKey());
                try (ResultSet r = s.executeQuery()) {
                    if (r.next() && r.getBoolean(1)) {
                        same++;
                    }
                }
            }
        }
        check("the " + samples.size() + " applications sent through HTTP are stored with the form and assessment this run makes "
                + "for the bulk rows (jsonb equal)", same == samples.size(), same + " of " + samples.size());
    }

    private void bulkLoad(DurablePostgres postgres, RentSupportHouseholds households, UUID callId, LocalDateTime opensAt,
                          LocalDateTime closesAt, List<Ranking.Candidate> candidates) throws SQLException, IOException {
        try (Connection apps = postgres.connect(ApplicationServiceContract.DATABASE);
             Connection claims = postgres.connect(ApplicationServiceContract.DATABASE)) {
            long base;
            OffsetDateTime from;
            try (Statement s = apps.createStatement();
                 ResultSet r = s.executeQuery("select coalesce(max(receipt_seq), 0), coalesce(max(received_at), now()) from application.application")) {
                r.next();
                base = r.getLong(1);
                from = r.getObject(2, OffsetDateTime.class);
            }
            OffsetDateTime until = closesAt.minusMinutes(5).atZone(RomeTime.ZONE).toOffsetDateTime();
            long spanMicros = ChronoUnit.MICROS.between(from, until);
            int bulk = applications - httpSamples;
            CopyIn appCopy = ((PGConnection) apps.unwrap(PGConnection.class)).getCopyAPI().copyIn("""
                    copy application.application (protocol_number, receipt_seq, call_id, received_at, applicant_fiscal_code,
                        submitted_by, assisted, form, eligible, band, need, assessment, status, status_changed_at)
                    from stdin (format csv)""");
            CopyIn claimCopy = ((PGConnection) claims.unwrap(PGConnection.class)).getCopyAPI().copyIn(
                    "copy application.household_claim (call_id, fiscal_code, protocol_number, kind) from stdin (format csv)");
            StringBuilder appRows = new StringBuilder(1 << 20);
            StringBuilder claimRows = new StringBuilder(1 << 16);
            DateTimeFormatter ts = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
            for (int k = 0; k < bulk; k++) {
                int index = httpSamples + k;
                RentSupportHouseholds.Generated g = households.generate(index);
                Assessment a = g.assessment();
                long seq = base + 1 + k;
                OffsetDateTime at = from.plus(spanMicros * (k + 1) / (bulk + 1), ChronoUnit.MICROS).withOffsetSameInstant(ZoneOffset.UTC);
                String protocol = at.atZoneSameInstant(RomeTime.ZONE).getYear() + "-" + String.format("%010d", seq);
                String status = a.eligible() ? "PENDING" : "NOT_ELIGIBLE";
                appRows.append(protocol).append(',').append(seq).append(',').append(callId).append(',').append(ts.format(at)).append(',')
                        .append(g.applicant()).append(",citizen,f,");
                csv(appRows, RentSupportHouseholds.json(g.form())).append(',').append(a.eligible() ? 't' : 'f').append(',')
                        .append(a.band() == null ? "" : a.band().name()).append(',').append(Euro.ofCents(a.needCents()).toPlainString()).append(',');
                csv(appRows, RentSupportHouseholds.json(a)).append(',').append(status).append(',').append(ts.format(at)).append('\n');
                for (String code : g.household()) {
                    claimRows.append(callId).append(',').append(code).append(',').append(protocol).append(',')
                            .append(code.equals(g.applicant()) ? "OWN" : "LISTED").append('\n');
                }
                candidate(candidates, protocol, seq, a);
                if (appRows.length() > (1 << 20)) {
                    flush(appCopy, appRows);
                    flush(claimCopy, claimRows);
                }
                if ((k + 1) % 50_000 == 0) {
                    System.out.println("[ranking]   " + (k + 1) + " loaded");
                }
            }
            flush(appCopy, appRows);
            flush(claimCopy, claimRows);
            long rows = appCopy.endCopy();
            long claimed = claimCopy.endCopy();
            try (Statement s = apps.createStatement()) {
                s.execute("select setval('application.application_receipt_seq', " + (base + bulk) + ")");
                s.execute("analyze application.application");
                s.execute("analyze application.household_claim");
            }
            data.put("rows", Machine.formatInt(rows) + " applications and " + Machine.formatInt(claimed) + " household claims bulk-loaded");
        }
        postgres.checkpoint();
    }

    private static StringBuilder csv(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        return out.append('"');
    }

    private static void flush(CopyIn copy, StringBuilder rows) throws SQLException {
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        rows.setLength(0);
    }

    private static String sizes(DurablePostgres postgres) throws SQLException {
        try (Connection c = postgres.connect(ApplicationServiceContract.DATABASE); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("""
                     select pg_size_pretty(pg_total_relation_size('application.application')),
                            pg_size_pretty(pg_total_relation_size('application.household_claim')),
                            (select round(avg(pg_column_size(form))) from application.application),
                            (select round(avg(pg_column_size(assessment))) from application.application)""")) {
            r.next();
            return "application " + r.getString(1) + " with indexes (form ≈ " + r.getString(3) + " B, assessment ≈ " + r.getString(4)
                    + " B per row, as stored), household_claim " + r.getString(2);
        }
    }

    // ---- one timed call -------------------------------------------------------------------------------------------

    private Phase timed(String name, String path, TokenFactory tokens, String url, long pid, long postmaster, Path gcLog, Path body)
            throws Exception {
        // a full collection first, so the heap before the call is what the service keeps, then the resident peak reset
        Machine.command(root, Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid), "GC.run");
        Thread.sleep(500);
        boolean reset = resetPeak(pid);
        double start = uptime(pid);
        long liveBefore = lastAfterMb(gcLog);
        String rssBefore = proc(pid, "VmRSS");
        Map<String, Supplier<Duration>> parts = new LinkedHashMap<>();
        parts.put("application-service", () -> CpuMeter.processTree(pid));
        parts.put("PostgreSQL", () -> CpuMeter.processTree(postmaster));
        CpuMeter cpu = new CpuMeter(parts);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).timeout(requestTimeout)
                .header("Authorization", "Bearer " + tokens.operator(ISTAT)).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        Files.deleteIfExists(body); // an answer that never comes must not leave an earlier run's body to be counted
        cpu.start();
        long t0 = System.nanoTime();
        int status;
        String error = null;
        try {
            HttpResponse<Path> response = client.send(request, HttpResponse.BodyHandlers.ofFile(body));
            status = response.statusCode();
        } catch (IOException e) {
            status = -1;
            error = e.toString();
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        CpuMeter.Usage usage = cpu.stop();
        double end = uptime(pid);
        Thread.sleep(1500);
        String rss = (reset ? "resident peak during the call " : "resident peak since start ") + proc(pid, "VmHWM") + " (before: " + rssBefore + ")";
        String heapLine = heapDuring(gcLog, start, end, liveBefore);
        long bytes = Files.exists(body) ? Files.size(body) : 0;
        if (status != 200 && bytes > 0 && bytes < 10_000) {
            error = Files.readString(body);
        }
        if (status == 200 && millis > TARGET_MILLIS) {
            report.add(name + ": " + millis + " ms, above the 5 s target");
        }
        return new Phase(name, status, millis, bytes, rss, heapLine, usage.cores(), error);
    }

    private static boolean resetPeak(long pid) {
        try {
            Files.writeString(Path.of("/proc", Long.toString(pid), "clear_refs"), "5");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static double uptime(long pid) {
        Instant started = ProcessHandle.of(pid).flatMap(p -> p.info().startInstant()).orElse(Instant.EPOCH);
        return Duration.between(started, Instant.now()).toMillis() / 1000.0;
    }

    private static String proc(long pid, String key) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream().filter(l -> l.startsWith(key + ":"))
                    .findFirst().map(l -> l.substring(key.length() + 1).trim().replaceAll("\\s+", " ")).orElse("?");
        } catch (IOException e) {
            return "(process gone)";
        }
    }

    private static long lastAfterMb(Path gcLog) throws IOException {
        long last = -1;
        for (String line : lines(gcLog)) {
            Matcher m = GC_LINE.matcher(line);
            if (m.find()) {
                last = Long.parseLong(m.group(3));
            }
        }
        return last;
    }

    /** From the GC log: the most heap in use at any collection during the call, collections, what stays after. */
    private static String heapDuring(Path gcLog, double start, double end, long liveBefore) throws IOException {
        long peak = -1;
        long committed = -1;
        long after = -1;
        int collections = 0;
        for (String line : lines(gcLog)) {
            Matcher m = GC_LINE.matcher(line);
            if (m.find()) {
                double at = Double.parseDouble(m.group(1));
                if (at >= start - 1 && at <= end + 1) {
                    collections++;
                    peak = Math.max(peak, Long.parseLong(m.group(2)));
                    committed = Math.max(committed, Long.parseLong(m.group(4)));
                    after = Long.parseLong(m.group(3));
                }
            }
        }
        boolean oom = lines(gcLog).stream().anyMatch(l -> l.contains("OutOfMemory"));
        return "heap: " + liveBefore + " MB live before; peak " + (peak < 0 ? "?" : peak + " MB") + " in use at a collection during the call ("
                + collections + " collections, heap grown to " + committed + " MB), " + after + " MB after the last one" + (oom ? "; OutOfMemory in the log" : "");
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    // ---- the checks -----------------------------------------------------------------------------------------------

    /** Streams the answer (it is large) and compares it entry by entry with the domain core's result. */
    private void compare(String name, Path body, Ranking.Result expected, int notEligible) throws IOException {
        BigDecimal budget = null;
        BigDecimal committed = null;
        String strategy = null;
        int entries = 0;
        int excluded = 0;
        int mismatches = 0;
        String firstMismatch = null;
        long sum = 0;
        try (InputStream in = Files.newInputStream(body); JsonParser p = JSON.getFactory().createParser(in)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "budget" -> budget = p.getDecimalValue();
                    case "committed" -> committed = p.getDecimalValue();
                    case "strategy" -> strategy = p.getText();
                    case "entries" -> {
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            JsonNode entry = JSON.readTree(p);
                            String why = entries < expected.entries().size() ? differs(entry, expected.entries().get(entries)) : "an entry too many";
                            if (why != null) {
                                mismatches++;
                                firstMismatch = firstMismatch == null ? "entry " + (entries + 1) + ": " + why : firstMismatch;
                            }
                            sum += Euro.toCents(entry.get("contribution").decimalValue());
                            entries++;
                        }
                    }
                    case "excluded" -> {
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            p.skipChildren();
                            excluded++;
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        }
        int expectedEntries = expected.entries().size();
        check(name + ": same order, protocols, bands, incomes, needs, contributions to the cent and explanations as the domain core",
                mismatches == 0 && entries == expectedEntries, Machine.formatInt(entries) + " entries (expected "
                        + Machine.formatInt(expectedEntries) + "), " + mismatches + " different" + (firstMismatch == null ? "" : "; first: " + firstMismatch));
        check(name + ": budget, committed and their sum as the domain core", budget != null && committed != null
                        && Euro.toCents(budget) == expected.budgetCents() && Euro.toCents(committed) == expected.committedCents()
                        && sum == expected.committedCents() && "PROPORTIONAL_BAND_A".equals(strategy),
                "budget " + budget + ", committed " + committed + ", sum of entries " + Euro.format(sum) + ", strategy " + strategy
                        + "; domain core: committed " + Euro.format(expected.committedCents()));
        check(name + ": every application not eligible listed as excluded", excluded == notEligible,
                Machine.formatInt(excluded) + " excluded, " + Machine.formatInt(notEligible) + " not eligible");
    }

    private static String differs(JsonNode entry, Ranking.Entry e) {
        Ranking.Candidate c = e.candidate();
        if (entry.get("position").asInt() != e.position()) {
            return "position " + entry.get("position") + " ≠ " + e.position();
        }
        if (!entry.get("protocolNumber").asText().equals(c.protocolNumber())) {
            return "protocol " + entry.get("protocolNumber").asText() + " ≠ " + c.protocolNumber();
        }
        if (!entry.get("band").asText().equals(c.band().name())
                || Euro.toCents(entry.get("need").decimalValue()) != c.needCents()
                || Euro.toCents(entry.get("referenceIncome").decimalValue()) != c.referenceIncomeCents()
                || Euro.toCents(entry.get("conventionalIncome").decimalValue()) != c.conventionalIncomeCents()) {
            return "band, need or incomes of " + c.protocolNumber();
        }
        if (Euro.toCents(entry.get("contribution").decimalValue()) != e.contributionCents()) {
            return "contribution " + entry.get("contribution") + " ≠ " + Euro.ofCents(e.contributionCents()) + " for " + c.protocolNumber();
        }
        if (!entry.get("explanation").asText().equals(e.explanation())) {
            return "explanation of " + c.protocolNumber() + ": " + entry.get("explanation").asText() + " ≠ " + e.explanation();
        }
        return null;
    }

    private void checkDatabase(DurablePostgres postgres, String callId, Ranking.Result expected, int notEligible) throws SQLException {
        long funded = expected.entries().stream().filter(e -> e.contributionCents() > 0).count();
        long full = expected.entries().stream().filter(e -> e.contributionCents() > 0 && e.contributionCents() == e.candidate().needCents()).count();
        Map<String, Long> statuses = new TreeMap<>();
        long awards;
        long awarded;
        try (Connection c = postgres.connect(ApplicationServiceContract.DATABASE)) {
            try (PreparedStatement s = c.prepareStatement(ApplicationServiceContract.SQL_STATUS_COUNTS)) {
                s.setObject(1, UUID.fromString(callId));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        statuses.put(r.getString(1), r.getLong(2));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("select count(*), coalesce(sum(amount), 0) from application.award where call_id = ? and status = 'GRANTED'")) {
                s.setObject(1, UUID.fromString(callId));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    awards = r.getLong(1);
                    awarded = Euro.toCents(r.getBigDecimal(2));
                }
            }
        }
        check("publication: one grant per funded entry, their sum the domain core's total", awards == funded && awarded == expected.committedCents(),
                Machine.formatInt(awards) + " grants, " + Euro.format(awarded) + "; domain core " + Machine.formatInt(funded) + ", "
                        + Euro.format(expected.committedCents()));
        long notFunded = expected.entries().size() - funded;
        check("publication: statuses as the ranking says", statuses.getOrDefault("GRANTED", 0L) == full
                        && statuses.getOrDefault("PARTIALLY_GRANTED", 0L) == funded - full && statuses.getOrDefault("NOT_FUNDED", 0L) == notFunded
                        && statuses.getOrDefault("NOT_ELIGIBLE", 0L) == notEligible && !statuses.containsKey("PENDING"),
                statuses + "; expected GRANTED " + full + ", PARTIALLY_GRANTED " + (funded - full) + ", NOT_FUNDED " + notFunded
                        + ", NOT_ELIGIBLE " + notEligible);
    }

    private void check(String what, boolean passed, String detail) {
        checks.add(new String[]{what, passed ? "passed" : "**FAILED**", detail});
        System.out.println("[ranking] " + (passed ? "passed" : "FAILED") + ": " + what + " — " + detail);
        if (!passed) {
            failures.add(what);
        }
    }

    // ---- the results ----------------------------------------------------------------------------------------------

    private void write() throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Ranking at national scale — ").append(LocalDate.now(RomeTime.ZONE)).append("\n\n");
        md.append("Written by `org.fondicasa.load.RankingBenchmark` (`./mvnw -Pranking -pl load-test -am verify -DskipTests`), ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(".\n\n");
        md.append("## Timings\n\n| call | answer | wall time | body | target ≤ 5 s | service CPU (cores) | PostgreSQL CPU (cores) |\n| --- | --- | ---: | ---: | --- | ---: | ---: |\n");
        for (Phase p : phases) {
            md.append("| `POST …/ranking/").append(p.name().equals("simulation") ? "simulations" : "publication").append("` | ")
                    .append(p.status()).append(" | ").append(String.format(Locale.ROOT, "%.2f s", p.millis() / 1000.0)).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f MB", p.bytes() / 1e6)).append(" | ")
                    .append(p.status() == 200 ? (p.millis() <= TARGET_MILLIS ? "met" : "**not met**") : "—").append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f", p.cpu().getOrDefault("application-service", Double.NaN))).append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f", p.cpu().getOrDefault("PostgreSQL", Double.NaN))).append(" |\n");
        }
        md.append("\n## Memory of the service\n\n");
        for (Phase p : phases) {
            md.append("- ").append(p.name()).append(": ").append(p.rss()).append("; ").append(p.heap())
                    .append(p.error() == null ? "" : "; error: `" + p.error().replace('\n', ' ').replace('`', '\'') + "`").append("\n");
        }
        md.append("\n## Checks\n\n| check | result | detail |\n| --- | --- | --- |\n");
        for (String[] c : checks) {
            md.append("| ").append(c[0]).append(" | ").append(c[1]).append(" | ").append(c[2].replace("|", "\\|")).append(" |\n");
        }
        if (!failures.isEmpty()) {
            md.append("\nFailures: ").append(String.join("; ", failures)).append("\n");
        }
        md.append("\n## Data\n\n");
        data.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append("\n"));
        md.append("\n## Setup\n\n");
        setup.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append("\n"));
        Files.createDirectories(results.getParent());
        Files.writeString(results, md.toString());
        System.out.println("[ranking] results written to " + results);
    }
}
