package org.fondicasa.local;

import org.fondicasa.testing.access.AccessMatrix;
import org.fondicasa.testing.access.AccessMatrix.Kind;
import org.fondicasa.testing.access.AccessMatrix.Open;
import org.fondicasa.testing.access.AccessMatrix.Tenancy;
import org.fondicasa.testing.hostile.Endpoint;
import org.fondicasa.testing.hostile.Endpoints;
import org.fondicasa.testing.hostile.HostileRequest;
import org.fondicasa.testing.hostile.HostileRun;
import org.fondicasa.testing.hostile.RawHttp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Issue #13's "done when", measured against the running system rather than a test instance: starts the whole system
 * as the run command does (own free ports), plays the 2019 demo round, then with the demo users' Keycloak tokens
 * <ol>
 *     <li>replays the examples the issue reported, each against the endpoint it was seen on;</li>
 *     <li>runs the role × endpoint × tenant matrix of each service (leaks, wrong refusals, 2xx without no-store);</li>
 *     <li>sends at least 10.000 malformed requests to every write endpoint of the three services (the clocks last);</li>
 * </ol>
 * and writes what it saw to {@code load-test/results/hostile-<date>.md}. Exits 1 if any answer broke the rule.
 * {@code ./mvnw -Phostile -pl deploy/local -am verify -DskipTests [-Dfondicasa.hostile.requests=N]}
 */
public final class HostileSystemRun {

    private static final List<String> SERVICES = List.of("allocation", "application", "reporting");

    private final LocalSystem system;
    private final Round2019 round;
    private final RunningWorlds worlds;
    private final StringBuilder results = new StringBuilder();
    private int broken;

    private HostileSystemRun(LocalSystem system, Round2019 round) {
        this.system = system;
        this.round = round;
        this.worlds = new RunningWorlds(system, round);
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("fondicasa.root", ".")).toAbsolutePath().normalize();
        int requests = Integer.getInteger("fondicasa.hostile.requests", 12_000);
        long started = System.nanoTime();
        int broken;
        String text;
        try (LocalSystem system = LocalSystem.start(LocalSystem.Options.freePorts(root))) {
            System.out.println("[hostile] system up; playing the demo round ...");
            Round2019 round = new Round2019(system, Round2019.Timeline.demo(), line -> System.out.println("[demo] " + line));
            round.play();
            HostileSystemRun run = new HostileSystemRun(system, round);
            run.all(requests);
            broken = run.broken;
            text = run.results.toString();
        }
        long minutes = Duration.ofNanos(System.nanoTime() - started).toMinutes();
        String file = "# Hostile input and access against the running system (issue #13)\n\n"
                + "Run on " + LocalDate.now(ZoneId.of("Europe/Rome")) + " by `./mvnw -Phostile -pl deploy/local -am verify -DskipTests`: "
                + "the whole system as the run command starts it (embedded PostgreSQL, in-JVM Kafka, Keycloak 26 with the demo realm, "
                + "the three packaged services), the 2019 demo round played, then the checks below with the demo users' Keycloak "
                + "tokens. " + minutes + " min in all, on " + Runtime.getRuntime().availableProcessors() + " cores.\n\n"
                + "**" + (broken == 0 ? "Nothing broke the rule." : broken + " answers broke the rule.") + "**\n" + text;
        Path out = root.resolve("load-test/results/hostile-" + LocalDate.now(ZoneId.of("Europe/Rome")) + ".md");
        try {
            Files.createDirectories(out.getParent());
            Files.writeString(out, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(file);
        System.out.println("[hostile] written to " + out);
        System.exit(broken == 0 ? 0 : 1);
    }

    private void all(int requests) {
        examples();
        matrices();
        fuzz(requests);
    }

    private List<Endpoint> endpoints(String service) {
        return Endpoints.fromOpenApi(Http.expect(200, "GET", system.url(service) + "/q/openapi?format=json", null, null));
    }

    private URI base(String service) {
        return URI.create(system.url(service) + "/");
    }

    // 1. the examples

    private record Example(String name, String service, HostileRequest request, Set<Integer> expected, String mustSay, String mustNotSay,
                           boolean noStore) {
    }

    private static HostileRequest request(String method, String target, String token, String contentType, String body) {
        List<RawHttp.Header> headers = new ArrayList<>();
        headers.add(new RawHttp.Header("Accept", "application/json, application/problem+json"));
        if (token != null) {
            headers.add(new RawHttp.Header("Authorization", "Bearer " + token));
        }
        if (contentType != null) {
            headers.add(new RawHttp.Header("Content-Type", contentType));
        }
        return new HostileRequest(method + " " + target, method, target, List.copyOf(headers),
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
    }

    private void examples() {
        String region = worlds.token("regione");
        String bari = worlds.token("op-bari");
        String json = "application/json";
        String protocol = round.applications(Round2019.BARI).get(0);
        String bariCall = round.call("bari");
        String fincovid = "/funds/" + Round2019.FINCOVID;
        // the household oracle: anna applies herself, then mario lists her; and the other way round on a second call
        String call = worlds.openCall("RENT_EMERGENCY", Round2019.BARI, 3600);
        String annas = worlds.apply(call, worlds.token("anna.bianchi"), RunningWorlds.emergency(RunningWorlds.ANNA, false));
        var listing = RunningWorlds.emergency(RunningWorlds.MARIO, false);
        listing.withArray("household").addObject().put("fiscalCode", RunningWorlds.ANNA).put("role", "CHILD").put("dependentChild", true);
        String contested = worlds.openCall("RENT_EMERGENCY", Round2019.BARI, 3600);
        worlds.apply(contested, worlds.token("mario.rossi"), listing);

        List<Example> examples = List.of(
                new Example("duplicate key", "application", request("PUT", "/applications/" + protocol + "/tax-arrears", bari, json,
                        "{\"amount\":\"10.00\",\"reference\":\"a\",\"reference\":false}"), Set.of(400), "reference", null, true),
                new Example("NUL in a text field", "application", request("PUT", "/applications/" + protocol + "/tax-arrears", bari, json,
                        "{\"amount\":\"10.00\",\"reference\":\"a\\u0000b\"}"), Set.of(400), "reference", null, true),
                new Example("NUL in a path segment", "allocation", request("PUT", "/funds/%00/needs", region, json,
                        "[{\"istatCode\":\"072006\",\"need\":1.00}]"), Set.of(400), null, null, true),
                new Example("quota deadline of a municipality that does not exist", "allocation",
                        request("PUT", fincovid + "/municipalities/999999/quota-deadline", region, json,
                                "{\"deadline\":\"2030-01-31T23:59:00\",\"reason\":\"flooding\"}"), Set.of(404), "999999", null, true),
                new Example("year +300000", "allocation", request("PUT", fincovid + "/municipalities/072006/quota-deadline", region, json,
                        "{\"deadline\":\"+300000-01-01T00:00:00\",\"reason\":\"flooding\"}"), Set.of(400), "deadline", null, true),
                new Example("need 1E+1000000000", "allocation", request("PUT", fincovid + "/needs", region, json,
                        "[{\"istatCode\":\"072006\",\"need\":1E+1000000000}]"), Set.of(400), "need", null, true),
                new Example("need 1E-1000000000", "allocation", request("PUT", fincovid + "/needs", region, json,
                        "[{\"istatCode\":\"072006\",\"need\":1E-1000000000}]"), Set.of(400), "need", null, true),
                new Example("Content-Type: garbage", "allocation", request("PUT", fincovid + "/needs", region, "garbage",
                        "[{\"istatCode\":\"072006\",\"need\":1.00}]"), Set.of(400, 415), null, null, true),
                new Example("undecodable path", "application", request("GET", "/calls/%ZZ/applications", bari, null, null),
                        Set.of(400), null, null, true),
                new Example("?after=abc", "application", request("GET", "/calls/" + bariCall + "/applications?after=abc", bari, null, null),
                        Set.of(400), "after", null, true),
                new Example("household oracle: mario lists anna, who applied herself", "application",
                        request("POST", "/calls/" + call + "/applications", worlds.token("mario.rossi"), json, listing.toString()),
                        Set.of(409), "household", annas, true),
                new Example("no blocking by strangers: anna applies after mario listed her", "application",
                        request("POST", "/calls/" + contested + "/applications", worlds.token("anna.bianchi"), json,
                                RunningWorlds.emergency(RunningWorlds.ANNA, false).toString()), Set.of(201), null, null, true),
                new Example("Pulsano's bad body to Bari's co-financing", "allocation",
                        request("PUT", "/funds/" + Round2019.ORDINARY + "/municipalities/072006/cofinancing", worlds.token("op-pulsano"), json,
                                "{\"finC\": -1, \"cofin\": \"many\"}"), Set.of(403), null, "violations", true),
                new Example("no-store: an application", "application", request("GET", "/applications/" + protocol, bari, null, null),
                        Set.of(200), protocol, null, true),
                new Example("no-store: a call's applications", "application", request("GET", "/calls/" + bariCall + "/applications", bari, null, null),
                        Set.of(200), protocol, null, true),
                new Example("no-store: my applications", "application", request("GET", "/me/applications", worlds.token("anna.bianchi"), null, null),
                        Set.of(200), RunningWorlds.ANNA, null, true),
                new Example("no-store: a published ranking", "application",
                        request("GET", "/calls/" + round.call("pulsano") + "/ranking", worlds.token("op-pulsano"), null, null),
                        Set.of(200), "entries", null, true));

        results.append("\n## 1. The issue's examples, against the demo's objects\n\n| example | request | answer | as it should be |\n|---|---|---|---|\n");
        for (Example example : examples) {
            RawHttp.Answer answer;
            try (RawHttp http = new RawHttp(base(example.service()), 30_000)) {
                answer = http.send(example.request());
            }
            String body = answer.bodyText();
            List<String> wrong = new ArrayList<>();
            if (!example.expected().contains(answer.status())) {
                wrong.add("expected " + example.expected());
            }
            String verdict = HostileRun.verdict(answer);
            if (verdict != null) {
                wrong.add(verdict);
            }
            if (example.mustSay() != null && !body.contains(example.mustSay())) {
                wrong.add("does not name " + example.mustSay());
            }
            if (example.mustNotSay() != null && body.contains(example.mustNotSay())) {
                wrong.add("shows " + example.mustNotSay());
            }
            String cacheControl = answer.header("Cache-Control");
            if (example.noStore() && (cacheControl == null || !cacheControl.contains("no-store"))) {
                wrong.add("Cache-Control " + cacheControl);
            }
            broken += wrong.isEmpty() ? 0 : 1;
            String shown = answer.status() >= 400 ? abbreviate(body.replace("|", "\\|").replace("\n", " "), 160) : "(" + body.length() + " bytes)";
            results.append("| ").append(example.name()).append(" | `").append(example.request().method()).append(' ')
                    .append(abbreviate(example.request().target(), 70)).append("` | ").append(answer.status()).append(' ')
                    .append(answer.header("Content-Type")).append(", Cache-Control ").append(cacheControl).append(": ").append(shown)
                    .append(" | ").append(wrong.isEmpty() ? "yes" : "**NO: " + String.join("; ", wrong) + "**").append(" |\n");
        }
    }

    // 2. the role × endpoint × tenant matrices

    private void matrices() {
        results.append("\n## 2. Role × endpoint × tenant, per service\n\n"
                + "Callers: no token, a malformed token, regione, op-bari and sportello-bari (own), op-pulsano and sportello-pulsano "
                + "(foreign), anna.bianchi (own citizen), mario.rossi (another citizen), dashboard-client. A leak is a refusal with the "
                + "wrong status, without problem+json, showing someone else's data, different for an existing private object and a "
                + "missing one, or different with an unreadable body (authorization after reading); a wrong refusal is an allowed "
                + "caller refused.\n\n```\n");
        var callers = worlds.callers();
        RunningWorlds.Fund fund = worlds.fund();
        matrix(new AccessMatrix("allocation-service", base("allocation"), callers, List.of(Tenancy.path("istatCode", Kind.MUNICIPALITY)),
                        List.of(new Open("GET", "/municipalities/{istatCode}", "reference data for every role"))),
                "allocation", (e, who, fresh) -> worlds.allocationRequest(e, fresh ? worlds.fund() : fund));
        RunningWorlds.Calls calls = worlds.calls(true);
        matrix(new AccessMatrix("application-service", base("application"), callers,
                        List.of(Tenancy.path("istatCode", Kind.MUNICIPALITY), Tenancy.path("id", Kind.PUBLIC).under("/calls/"),
                                Tenancy.path("protocol", Kind.PERSONAL).nonexistent("2026-9999999999"),
                                Tenancy.path("id", Kind.MANAGERS).under("/contested-claims/").nonexistent("00000000-0000-4000-8000-000000000000")),
                        List.of(new Open("GET", "/calls/{id}", "calls are public"))),
                "application", (e, who, fresh) -> worlds.applicationRequest(e, who, fresh ? worlds.calls(false) : calls));
        matrix(new AccessMatrix("reporting-service", base("reporting"), callers,
                        List.of(Tenancy.path("istatCode", Kind.MUNICIPALITY), Tenancy.query("istatCode", Kind.MUNICIPALITY)), List.of()),
                "reporting", (e, who, fresh) -> worlds.reportingRequest(e));
        results.append("```\n");
    }

    private void matrix(AccessMatrix matrix, String service, AccessMatrix.World world) {
        long started = System.nanoTime();
        AccessMatrix.Result result = matrix.run(endpoints(service), world);
        broken += result.leaks().size() + result.wrongRefusals().size() + result.storable().size();
        results.append(result.report()).append("\n  (").append(Duration.ofNanos(System.nanoTime() - started).toSeconds()).append(" s)\n\n");
        System.out.println("[hostile] " + result.summary());
    }

    // 3. malformed requests to every write endpoint

    private void fuzz(int requests) {
        int endpoints = 0;
        int writes = 0;
        for (String service : SERVICES) {
            List<Endpoint> all = endpoints(service);
            endpoints += (int) all.stream().filter(Endpoint::takesInput).count();
            writes += (int) all.stream().filter(Endpoint::writes).count();
        }
        // the count is of malformed requests to the write endpoints; the reads get as many each
        int randomPerEndpoint = Math.max(100, (requests + writes - 1) / writes);
        results.append("\n## 3. Malformed requests to every write endpoint and every read with query parameters\n\n")
                .append(endpoints).append(" endpoints (all ").append(writes).append(" writes, and every read that takes query parameters); each gets a valid baseline, the issue's cases wherever they fit (duplicate keys, NUL, ")
                .append("absurd exponents, year +300000, Content-Type garbage, NUL/undecodable/unknown path values, malformed query values) and ")
                .append(randomPerEndpoint).append(" random malformed requests (bodies, bytes, structure, headers, paths, queries), with a token of ")
                .append("a role and municipality that may act there. The clocks are fuzzed last, after every other check. ")
                .append("The rule: status < 500, and every 4xx is problem+json with its status and title.\n\n```\n");
        long total = 0;
        long toWrites = 0;
        for (boolean clocks : List.of(false, true)) {
            for (String service : SERVICES) {
                List<HostileRun.Target> targets = targets(service, clocks);
                if (targets.isEmpty()) {
                    continue;
                }
                long started = System.nanoTime();
                HostileRun.Result result = HostileRun.run(base(service), targets, randomPerEndpoint, 2026L, 2);
                total += result.sent();
                toWrites += result.sentPerEndpoint().entrySet().stream().filter(x -> !x.getKey().startsWith("GET "))
                        .mapToLong(Map.Entry::getValue).sum();
                broken += result.failures().size();
                results.append(service).append("-service").append(clocks ? " (clock)" : "").append(": ").append(result.report(3))
                        .append(" — ").append(Duration.ofNanos(System.nanoTime() - started).toSeconds()).append(" s\n");
                System.out.println("[hostile] " + service + (clocks ? " clock: " : ": ") + result.summary());
            }
        }
        results.append("```\n\nIn all: ").append(total).append(" requests, ").append(toWrites).append(" of them to write endpoints.\n");
    }

    private List<HostileRun.Target> targets(String service, boolean clocks) {
        List<HostileRun.Target> targets = new ArrayList<>();
        for (Endpoint e : endpoints(service)) {
            if (!e.takesInput() || e.path().startsWith("/clock") != clocks) {
                continue;
            }
            Map<String, String> values = clocks ? Map.of() : pathValues(service, e);
            boolean newApplication = e.path().equals("/calls/{id}/applications");
            String token = clocks ? worlds.token("regione") : newApplication ? worlds.token("mario.rossi") : worlds.tokenFor(e);
            var example = newApplication ? RunningWorlds.emergency(RunningWorlds.MARIO, false)
                    : e.path().equals("/calls") ? Http.parse(worlds.newCall(Round2019.BARI)) : null;
            targets.add(new HostileRun.Target(e, values, token, example));
        }
        return targets;
    }

    /** Objects of its own for each endpoint, so one endpoint's fuzz does not change what another's acts on. */
    private Map<String, String> pathValues(String service, Endpoint e) {
        switch (service) {
            case "allocation":
                return e.path().equals("/municipalities/{istatCode}") ? Map.of("istatCode", RunningWorlds.ACCADIA) : worlds.fund().path();
            case "application":
                RunningWorlds.Calls w = worlds.calls(false);
                return Map.of("id", e.path().startsWith("/contested-claims/") ? w.contest() : w.call(), "protocol", w.protocol());
            default:
                return Map.of("code", Round2019.FINCOVID, "istatCode", Round2019.BARI);
        }
    }

    private static String abbreviate(String s, int length) {
        return s.length() > length ? s.substring(0, length) + "…" : s;
    }
}
