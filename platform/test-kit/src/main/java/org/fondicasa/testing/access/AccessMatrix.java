package org.fondicasa.testing.access;

import org.fondicasa.testing.TokenFactory;
import org.fondicasa.testing.hostile.Endpoint;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The role × endpoint × tenant matrix of one service (issue #13, item 6), generated from its OpenAPI document: every
 * endpoint is called by every {@link Who} against a world of objects that belong to one municipality ("own") and one
 * citizen, and each answer is compared with what a rule expects, never with a hand-written table:
 * <ol>
 *     <li>no token, or a token that is not one: 401;</li>
 *     <li>a role the endpoint's "Roles: …" sentence does not name: 403;</li>
 *     <li>a parameter the service declares as tenancy ({@link Tenancy}) naming something the caller may not act on:
 *     403, or 404 where existence itself is private ({@link Kind#PERSONAL}, {@link Kind#MANAGERS});</li>
 *     <li>otherwise allowed: neither 401, 403, 404 nor 5xx.</li>
 * </ol>
 * Every refusal must also be problem+json, hold none of the world's {@link Request#secrets()} that the request itself
 * did not carry, be the same whether a private object exists or not, and be the same with a body that cannot be read
 * (authorization before the body). A mismatch in a refused cell is a <b>leak</b>; an allowed caller refused is a
 * <b>wrong refusal</b>; both must be 0.
 */
public final class AccessMatrix {

    /** Who calls. "Own" is the municipality and citizen the world's objects belong to; the desk filed its applications. */
    public enum Who {
        NO_TOKEN(null), MALFORMED_TOKEN(null), REGION("region-officer"), OPERATOR("municipality-operator"),
        DESK("desk-operator"), CITIZEN("citizen"), FOREIGN_OPERATOR("municipality-operator"),
        FOREIGN_DESK("desk-operator"), OTHER_CITIZEN("citizen"), DASHBOARD("dashboard");

        public final String role;

        Who(String role) {
            this.role = role;
        }
    }

    /** How a parameter ties an endpoint to the world's owner. */
    public enum Kind {
        /** The municipality itself acting: the region and its own operators and desks. Others 403. */
        MUNICIPALITY,
        /** A public object of the own municipality (a call): also every citizen and the dashboard. Others 403. */
        PUBLIC,
        /** An object about the own citizen, filed by the own desk (an application). Others 404, as for nothing. */
        PERSONAL,
        /** An object for the own municipality's managers only (a household contest). Others 404, as for nothing. */
        MANAGERS;

        boolean existencePrivate() {
            return this == PERSONAL || this == MANAGERS;
        }

        boolean admits(Who who) {
            return switch (who) {
                case NO_TOKEN, MALFORMED_TOKEN -> false;
                case REGION, OPERATOR -> true;
                case DESK -> this != MANAGERS;
                case CITIZEN -> this == PUBLIC || this == PERSONAL;
                case OTHER_CITIZEN, DASHBOARD -> this == PUBLIC;
                case FOREIGN_OPERATOR, FOREIGN_DESK -> false;
            };
        }
    }

    /**
     * A tenancy parameter of the service: where it applies, what kind, and (for private kinds) a value that names
     * nothing, to show the refusal is the same.
     */
    public record Tenancy(String parameter, boolean query, Kind kind, Predicate<Endpoint> appliesTo, String nonexistent) {

        public static Tenancy path(String parameter, Kind kind) {
            return new Tenancy(parameter, false, kind, e -> true, null);
        }

        public static Tenancy query(String parameter, Kind kind) {
            return new Tenancy(parameter, true, kind, e -> true, null);
        }

        /** Only on endpoints whose path starts with this. */
        public Tenancy under(String pathPrefix) {
            return new Tenancy(parameter, query, kind, e -> e.path().startsWith(pathPrefix), nonexistent);
        }

        public Tenancy nonexistent(String value) {
            return new Tenancy(parameter, query, kind, appliesTo, value);
        }

        boolean on(Endpoint e, Request request) {
            return appliesTo.test(e) && (query ? request.query().containsKey(parameter)
                    : e.pathParameters().stream().anyMatch(p -> p.name().equals(parameter)));
        }
    }

    /** An endpoint where the tenancy rules do not apply, with the reason (public reference data...). */
    public record Open(String method, String path, String reason) {
        boolean is(Endpoint e) {
            return e.method().equals(method) && e.path().equals(path);
        }
    }

    /**
     * One request to an endpoint: values of its path and query parameters that name the world's own objects, and a
     * valid body, so that only authorization decides.
     *
     * @param secrets what a refused caller must not read in the answer (fiscal codes, IBAN, amounts, protocol numbers)
     */
    public record Request(Map<String, String> path, Map<String, String> query, String contentType, String body, List<String> secrets) {

        public static Request of(Map<String, String> path, List<String> secrets) {
            return new Request(path, Map.of(), null, null, secrets);
        }

        public Request withQuery(Map<String, String> query) {
            return new Request(path, query, contentType, body, secrets);
        }

        public Request withJson(String json) {
            return new Request(path, query, "application/json", json, secrets);
        }

        public Request withBody(String contentType, String body) {
            return new Request(path, query, contentType, body, secrets);
        }

        Request with(String parameter, boolean inQuery, String value) {
            Map<String, String> p = new LinkedHashMap<>(path);
            Map<String, String> q = new LinkedHashMap<>(query);
            (inQuery ? q : p).put(parameter, value);
            return new Request(p, q, contentType, body, secrets);
        }
    }

    /** The service's objects, built through its API. */
    public interface World {
        /**
         * The request {@code who} sends to the endpoint. {@code fresh}: an allowed write, which may change what it
         * acts on: give it objects of its own; otherwise shared objects may be returned.
         */
        Request request(Endpoint endpoint, Who who, boolean fresh);
    }

    /** The tokens of the callers: own and foreign municipality, own and other citizen. */
    public record Callers(TokenFactory tokens, String ownIstat, String foreignIstat, String ownCitizen, String otherCitizen) {
        Map<Who, String> all() {
            Map<Who, String> all = new EnumMap<>(Who.class);
            for (Who who : Who.values()) {
                all.put(who, token(who));
            }
            return all;
        }

        String token(Who who) {
            return switch (who) {
                case NO_TOKEN -> null;
                case MALFORMED_TOKEN -> "a.b.c";
                case REGION -> tokens.regionOfficer();
                case OPERATOR -> tokens.operator(ownIstat);
                case DESK -> tokens.deskOperator(ownIstat);
                case CITIZEN -> tokens.citizen(ownCitizen);
                case FOREIGN_OPERATOR -> tokens.operator(foreignIstat);
                case FOREIGN_DESK -> tokens.deskOperator(foreignIstat);
                case OTHER_CITIZEN -> tokens.citizen(otherCitizen);
                case DASHBOARD -> tokens.dashboard();
            };
        }
    }

    /** What one cell gave, and why it breaks the rule if it does. */
    public record Cell(Endpoint endpoint, Who who, int expected, int status, String problem) {
        boolean allowedExpected() {
            return expected == 0;
        }

        @Override
        public String toString() {
            return endpoint + " as " + who + ": expected " + (expected == 0 ? "allowed" : expected) + ", got " + status + " with a valid body"
                    + (problem == null ? "" : " — " + problem);
        }
    }

    /**
     * The counts the issue asks for, and the cells that broke the rule.
     *
     * @param storable allowed answers (2xx) without {@code Cache-Control: no-store}: a cache could keep them
     */
    public record Result(String service, int endpoints, int cells, Map<Integer, Integer> denied, int allowed, int allowed2xx,
                         long requests, List<Cell> leaks, List<Cell> wrongRefusals, List<Cell> storable) {
        public String summary() {
            return "access matrix of " + service + ": " + endpoints + " endpoints × " + Who.values().length + " callers = " + cells
                    + " cells (" + allowed + " allowed, " + allowed2xx + " of them 2xx; refused by status " + denied + "), "
                    + requests + " requests; leaks: " + leaks.size() + ", wrong refusals: " + wrongRefusals.size()
                    + ", 2xx answers without no-store: " + storable.size();
        }

        /** Every cell that broke the rule (leaks, wrong refusals, 2xx without no-store): empty when the matrix holds. */
        public List<String> broken() {
            List<String> broken = new ArrayList<>();
            leaks.forEach(c -> broken.add("LEAK " + c));
            wrongRefusals.forEach(c -> broken.add("WRONGLY REFUSED " + c));
            storable.forEach(c -> broken.add("WITHOUT no-store " + c));
            return broken;
        }

        public String report() {
            StringBuilder sb = new StringBuilder(summary());
            leaks.stream().limit(60).forEach(c -> sb.append("\n  LEAK ").append(c));
            wrongRefusals.stream().limit(60).forEach(c -> sb.append("\n  WRONGLY REFUSED ").append(c));
            storable.stream().limit(60).forEach(c -> sb.append("\n  WITHOUT no-store ").append(c));
            return sb.toString();
        }

        /** Writes the report to target/access-matrix/{service}.txt, where a reader of the build finds the numbers. */
        public Result record() {
            try {
                Path dir = Path.of("target", "access-matrix");
                Files.createDirectories(dir);
                Files.writeString(dir.resolve(service + ".txt"), report() + "\n");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return this;
        }
    }

    private final String service;
    private final URI base;
    private final List<Tenancy> tenancies;
    private final List<Open> open;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<Who, String> tokens = new EnumMap<>(Who.class);
    private long requests;

    public AccessMatrix(String service, URI base, Callers callers, List<Tenancy> tenancies, List<Open> open) {
        this(service, base, callers.all(), tenancies, open);
    }

    /** With the callers' tokens as an identity provider issued them (the running system's Keycloak). */
    public AccessMatrix(String service, URI base, Map<Who, String> tokens, List<Tenancy> tenancies, List<Open> open) {
        this.service = service;
        this.base = base;
        this.tenancies = List.copyOf(tenancies);
        this.open = List.copyOf(open);
        this.tokens.putAll(tokens);
    }

    /** 0 for allowed, else the status a refusal must have. */
    public int expected(Endpoint e, Who who, Request request) {
        if (who.role == null) {
            return 401;
        }
        if (!e.anyRole() && !e.roles().contains(who.role)) {
            return 403;
        }
        if (open.stream().anyMatch(o -> o.is(e))) {
            return 0;
        }
        for (Tenancy t : tenancies) {
            if (t.on(e, request) && !t.kind().admits(who)) {
                return t.kind().existencePrivate() ? 404 : 403;
            }
        }
        return 0;
    }

    public Result run(List<Endpoint> endpoints, World world) {
        List<Cell> leaks = new ArrayList<>();
        List<Cell> wrong = new ArrayList<>();
        List<Cell> storable = new ArrayList<>();
        Map<Integer, Integer> denied = new TreeMap<>();
        int allowed = 0;
        int allowed2xx = 0;
        int cells = 0;
        for (Endpoint e : endpoints) {
            if (e.roles().isEmpty()) {
                leaks.add(new Cell(e, Who.NO_TOKEN, 401, 0, "no \"Roles: …\" in its OpenAPI description"));
            }
            // refusals first, on shared objects: they must change nothing
            for (Who who : Who.values()) {
                Request request = world.request(e, who, false);
                int expected = expected(e, who, request);
                if (expected == 0) {
                    continue;
                }
                cells++;
                Answer answer = send(e, who, request);
                denied.merge(answer.status, 1, Integer::sum);
                String why = refusalProblem(e, who, request, expected, answer);
                if (why != null) {
                    leaks.add(new Cell(e, who, expected, answer.status, why));
                }
            }
            for (Who who : Who.values()) {
                Request probe = world.request(e, who, false);
                if (expected(e, who, probe) != 0) {
                    continue;
                }
                cells++;
                allowed++;
                Request request = e.writes() ? world.request(e, who, true) : probe;
                Answer answer = send(e, who, request);
                if (answer.status >= 200 && answer.status < 300) {
                    allowed2xx++;
                    if (answer.cacheControl == null || !answer.cacheControl.contains("no-store")) {
                        storable.add(new Cell(e, who, 0, answer.status, "Cache-Control: " + answer.cacheControl));
                    }
                }
                if (answer.status == 401 || answer.status == 403 || answer.status == 404 || answer.status >= 500 || answer.status < 200) {
                    wrong.add(new Cell(e, who, 0, answer.status, abbreviate(answer.body)));
                }
            }
        }
        return new Result(service, endpoints.size(), cells, denied, allowed, allowed2xx, requests, List.copyOf(leaks), List.copyOf(wrong), List.copyOf(storable));
    }

    private String refusalProblem(Endpoint e, Who who, Request request, int expected, Answer answer) {
        if (answer.status != expected) {
            return "answered " + answer.status + ": " + abbreviate(answer.body);
        }
        if (answer.contentType == null || !answer.contentType.startsWith("application/problem+json")) {
            return "not problem+json: " + answer.contentType;
        }
        String sent = target(e, request) + " " + (request.body() == null ? "" : request.body());
        List<String> shown = request.secrets().stream().filter(s -> !sent.contains(s)).filter(answer.body::contains).toList();
        if (!shown.isEmpty()) {
            return "the refusal shows " + shown + ": " + abbreviate(answer.body);
        }
        for (Tenancy t : tenancies) {
            if (t.on(e, request) && t.kind().existencePrivate() && t.nonexistent() != null) {
                String value = t.query() ? request.query().get(t.parameter()) : request.path().get(t.parameter());
                Answer none = send(e, who, request.with(t.parameter(), t.query(), t.nonexistent()));
                if (none.status != answer.status || !none.body.replace(t.nonexistent(), "{x}").equals(answer.body.replace(value, "{x}"))) {
                    return "an existing {" + t.parameter() + "} answers " + answer.status + " " + abbreviate(answer.body)
                            + ", one that does not exist " + none.status + " " + abbreviate(none.body);
                }
            }
        }
        if (request.contentType() != null && request.contentType().contains("json")) {
            Answer unreadable = send(e, who, request.withBody(request.contentType(), "{\"unexpected\": [1,"));
            if (unreadable.status != answer.status) {
                return "with a body that cannot be read the answer is " + unreadable.status + " (the body was read before authorization): "
                        + abbreviate(unreadable.body);
            }
            Answer invalid = send(e, who, request.withBody(request.contentType(), "{}"));
            if (invalid.status != answer.status) {
                return "with an empty object as body the answer is " + invalid.status + " (the body was validated before authorization): "
                        + abbreviate(invalid.body);
            }
        }
        return null;
    }

    private record Answer(int status, String contentType, String cacheControl, String body) {
    }

    private Answer send(Endpoint e, Who who, Request request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(target(e, request).substring(1)))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json, application/problem+json, */*");
        String token = tokens.get(who);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (request.body() != null) {
            builder.header("Content-Type", request.contentType());
            builder.method(e.method(), HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        } else {
            builder.method(e.method(), HttpRequest.BodyPublishers.noBody());
        }
        try {
            requests++;
            HttpResponse<java.io.InputStream> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            String type = response.headers().firstValue("Content-Type").orElse(null);
            String cacheControl = response.headers().firstValue("Cache-Control").orElse(null);
            try (java.io.InputStream body = response.body()) {
                // a stream of server-sent events does not end: its status and type are the answer
                byte[] bytes = type != null && type.startsWith("text/event-stream") ? new byte[0] : body.readAllBytes();
                return new Answer(response.statusCode(), type, cacheControl, new String(bytes, StandardCharsets.UTF_8));
            }
        } catch (IOException e1) {
            return new Answer(-1, null, null, "no answer: " + e1);
        } catch (InterruptedException e1) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e1);
        }
    }

    static String target(Endpoint e, Request request) {
        String path = e.path();
        for (Endpoint.Parameter p : e.pathParameters()) {
            String value = Optional.ofNullable(request.path().get(p.name()))
                    .orElseThrow(() -> new IllegalArgumentException("the world gives no {" + p.name() + "} for " + e));
            path = path.replace("{" + p.name() + "}", URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        if (request.query().isEmpty()) {
            return path;
        }
        return path + "?" + request.query().entrySet().stream()
                .map(q -> URLEncoder.encode(q.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(q.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
