package org.fondicasa.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fondicasa.testing.access.AccessMatrix.Request;
import org.fondicasa.testing.access.AccessMatrix.Who;
import org.fondicasa.testing.hostile.Endpoint;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The objects the running-system checks act on, built through the public APIs with the demo users' Keycloak tokens
 * after the demo round: Bari is the own municipality (op-bari, sportello-bari), Pulsano the foreign one, anna.bianchi
 * the own citizen and mario.rossi the other. Each world is new, so an allowed write changes only what it made.
 */
final class RunningWorlds {

    static final String ANNA = "BNCNNA85E52A883Y";
    static final String MARIO = "RSSMRA80A01A662A";
    /** A municipality no demo figure depends on: its flags are what the fuzz may change. */
    static final String ACCADIA = "071001";
    static final String IBAN = "IT60X0542811101000000123456";

    /** Bari's figures in an allocation world: what no one else may read in a refusal. */
    private static final String FIN_A = "345.67";
    private static final String COFIN = "678.91";
    private static final String RESERVED = "123.45";
    private static final String DELIBERATION = "GC 4711/2020";

    private final LocalSystem system;
    private final Round2019 round;
    private final Applicants people = new Applicants(2026, "L049");
    private final Map<String, Token> tokens = new HashMap<>();

    private record Token(String value, Instant fetched) {
    }

    RunningWorlds(LocalSystem system, Round2019 round) {
        this.system = system;
        this.round = round;
    }

    /** A demo user's token, fetched again once it is ten minutes old (Keycloak's lifespan is fifteen). */
    synchronized String token(String user) {
        Token t = tokens.get(user);
        if (t == null || t.fetched().isBefore(Instant.now().minus(Duration.ofMinutes(10)))) {
            t = new Token(user.equals("dashboard-client") ? system.clientCredentialsToken("dashboard-client", "dashboard-secret")
                    : system.token(user), Instant.now());
            tokens.put(user, t);
        }
        return t.value();
    }

    /** The matrix's callers as Keycloak issued them. */
    Map<Who, String> callers() {
        Map<Who, String> callers = new EnumMap<>(Who.class);
        callers.put(Who.NO_TOKEN, null);
        callers.put(Who.MALFORMED_TOKEN, "a.b.c");
        callers.put(Who.REGION, token("regione"));
        callers.put(Who.OPERATOR, token("op-bari"));
        callers.put(Who.DESK, token("sportello-bari"));
        callers.put(Who.CITIZEN, token("anna.bianchi"));
        callers.put(Who.FOREIGN_OPERATOR, token("op-pulsano"));
        callers.put(Who.FOREIGN_DESK, token("sportello-pulsano"));
        callers.put(Who.OTHER_CITIZEN, token("mario.rossi"));
        callers.put(Who.DASHBOARD, token("dashboard-client"));
        return callers;
    }

    /** A token whose role may call the endpoint, preferring the own municipality's operator, so the request is what is tested. */
    String tokenFor(Endpoint e) {
        if (e.roles().contains("municipality-operator")) {
            return token("op-bari");
        }
        if (e.roles().contains("citizen")) {
            return token("anna.bianchi");
        }
        if (e.roles().contains("region-officer")) {
            return token("regione");
        }
        return token(e.roles().contains("desk-operator") ? "sportello-bari" : "dashboard-client");
    }

    private String url(String service) {
        return system.url(service);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    // allocation-service

    record Fund(String code, String simulation, String reservedCall) {
        Map<String, String> path() {
            return Map.of("code", code, "istatCode", Round2019.BARI, "id", simulation, "callId", reservedCall);
        }
    }

    /** A fund of its own: needs, a simulation, Bari's and Pulsano's shares, Bari's quota, COFIN, a call's reservation, the bonus. */
    Fund fund() {
        String region = token("regione");
        String bari = token("op-bari");
        String code = "HOS-" + suffix();
        String fund = url("allocation") + "/funds/" + code;
        Http.expect(201, "POST", url("allocation") + "/funds", region, fundBody(code));
        Http.expect(200, "PUT", fund + "/needs", region, "[{\"istatCode\": \"072006\", \"need\": 2000.00}, {\"istatCode\": \"073022\", \"need\": 1000.00}]");
        String simulation = Http.json(201, "POST", fund + "/simulations", region, null).get("id").asText();
        Http.expect(201, "POST", fund + "/publication/import?source=hostile%20run", region,
                "istat_code,share\n072006,2000.00\n073022,1000.00\n", "text/csv");
        Http.expect(200, "PUT", fund + "/municipalities/" + Round2019.BARI + "/quota", bari, quota());
        Http.expect(200, "PUT", fund + "/municipalities/" + Round2019.BARI + "/cofinancing", bari, cofinancing());
        String call = UUID.randomUUID().toString();
        Http.expect(201, "POST", fund + "/municipalities/" + Round2019.BARI + "/reservations", bari, reservation(call));
        Http.expect(201, "POST", fund + "/bonus/publication", region, null);
        return new Fund(code, simulation, call);
    }

    private static String fundBody(String code) {
        return """
                {"code": "%s", "title": "Hostile run fund", "legalAct": "not an act: the hostile run", "year": 2026,
                 "amount": 3100.00, "bonusReserve": 100.00, "minimumShare": 0.00}""".formatted(code);
    }

    private static String quota() {
        return "{\"finA\": " + FIN_A + ", \"finB\": 1154.33, \"finC\": 500.00}";
    }

    private static String cofinancing() {
        return "{\"finC\": 500.00, \"qEmi\": 0, \"qSmine\": 0, \"cofin\": " + COFIN + ", \"deliberationNumber\": \"" + DELIBERATION
                + "\", \"deliberationDate\": \"2020-11-10\", \"budgetChapter\": \"Cap. 1\"}";
    }

    private static String reservation(String call) {
        return "{\"callId\": \"%s\", \"legalAct\": \"DD 12/2020\", \"lines\": [{\"source\": \"Fin_a\", \"amount\": %s}]}".formatted(call, RESERVED);
    }

    /** Bari's objects in a fund, and a body that is valid for the endpoint. */
    Request allocationRequest(Endpoint e, Fund w) {
        Request request = Request.of(w.path(), List.of(FIN_A, COFIN, RESERVED, DELIBERATION, w.reservedCall()));
        return switch (e.method() + " " + e.path()) {
            case "POST /funds" -> request.withJson(fundBody("HOS-" + suffix()));
            case "PUT /funds/{code}/needs" -> request.withJson("[{\"istatCode\": \"072006\", \"need\": 2000.00}]");
            case "POST /funds/{code}/publication/import" ->
                    request.withQuery(Map.of("source", "hostile run")).withBody("text/csv", "istat_code,share\n072006,2000.00\n073022,1000.00\n");
            case "PUT /funds/{code}/municipalities/{istatCode}/quota" -> request.withJson(quota());
            case "PUT /funds/{code}/municipalities/{istatCode}/quota-deadline" ->
                    request.withJson("{\"deadline\": \"2030-01-31T23:59:00\", \"reason\": \"flooding of the town hall\"}");
            case "PUT /funds/{code}/municipalities/{istatCode}/cofinancing" -> request.withJson(cofinancing());
            case "POST /funds/{code}/municipalities/{istatCode}/reservations" -> request.withJson(reservation(UUID.randomUUID().toString()));
            case "POST /funds/{code}/municipalities/{istatCode}/reservations/{callId}/top-ups" -> request.withJson(
                    "{\"topUpId\": \"%s\", \"source\": \"Fin_a\", \"amount\": 10.00, \"legalRef\": \"DD 13/2020\"}".formatted(UUID.randomUUID()));
            // absent flags keep their value
            case "PATCH /municipalities/{istatCode}" -> request.withJson("{}");
            default -> common(e, request);
        };
    }

    // application-service

    record Calls(String call, String rankedCall, String protocol, String contest, List<String> secrets) {
    }

    /**
     * Bari's open emergency call with the application its desk filed for anna.bianchi, a second one where mario.rossi
     * listed her as a member before she applied herself (a household contest), and, if {@code ranked}, a closed
     * rent-support call of Bari with her place in its published ranking (the system's clock moves past its closing).
     */
    Calls calls(boolean ranked) {
        String bari = token("op-bari");
        String call = openCall("RENT_EMERGENCY", Round2019.BARI, 3600);
        String protocol = apply(call, token("sportello-bari"), emergency(ANNA, true));
        String contested = openCall("RENT_EMERGENCY", Round2019.BARI, 3600);
        ObjectNode listing = emergency(MARIO, false);
        listing.withArray("household").addObject().put("fiscalCode", ANNA).put("role", "CHILD").put("dependentChild", true);
        String held = apply(contested, token("mario.rossi"), listing);
        String own = apply(contested, token("anna.bianchi"), emergency(ANNA, false));
        String contest = Http.json(200, "GET", url("application") + "/calls/" + contested + "/contested-claims", bari, null)
                .get(0).get("id").asText();
        String rankedCall = call;
        if (ranked) {
            LocalDateTime closes = system.now().plusMinutes(30).truncatedTo(ChronoUnit.SECONDS);
            rankedCall = openCall("RENT_SUPPORT", Round2019.BARI, 30);
            apply(rankedCall, token("anna.bianchi"), people.rentSupportOf(ANNA));
            system.advanceClockTo(closes.plusMinutes(1));
            Http.expect(200, "POST", url("application") + "/calls/" + rankedCall + "/ranking/publication", bari, null);
        }
        return new Calls(call, rankedCall, protocol, contest, List.of(ANNA, protocol, held, own, contest, IBAN));
    }

    /** A call of the municipality on its own money, open from an hour ago for {@code minutes} more. */
    String openCall(String kind, String istat, int minutes) {
        LocalDateTime now = system.now().truncatedTo(ChronoUnit.SECONDS);
        String user = istat.equals(Round2019.BARI) ? "op-bari" : "op-pulsano";
        return Http.json(201, "POST", url("application") + "/calls", token(user), callBody(kind, istat, now, minutes)).get("id").asText();
    }

    /** An emergency call of the municipality on its own money, open from an hour ago for sixty hours. */
    String newCall(String istat) {
        return callBody("RENT_EMERGENCY", istat, system.now().truncatedTo(ChronoUnit.SECONDS), 3600);
    }

    private String callBody(String kind, String istat, LocalDateTime now, int minutes) {
        String user = istat.equals(Round2019.BARI) ? "op-bari" : "op-pulsano";
        return round.callBody(url("application"), user, kind, istat, null, now.minusMinutes(60).toString(),
                now.plusMinutes(minutes).toString(), "[{\"source\": \"MUNICIPAL\", \"amount\": \"5000.00\", \"legalRef\": \"hostile run budget\"}]");
    }

    String apply(String call, String token, JsonNode form) {
        return Http.json(201, "POST", url("application") + "/calls/" + call + "/applications", token, form.toString())
                .get("protocolNumber").asText();
    }

    /** An emergency application with the applicant alone, filed by herself or ({@code atDesk}) at a desk on her behalf. */
    static ObjectNode emergency(String applicant, boolean atDesk) {
        ObjectNode form = (ObjectNode) Http.parse("""
                {"household": [{"fiscalCode": "%s", "role": "APPLICANT"}], "isee": "14000.00",
                 "incomeLossPercent": "40", "rent": {"emergencyMonths": ["420.00", "420.00", "420.00"]},
                 "declarations": {"NOT_ENOUGH_LIQUIDITY": true, "CITIZEN_INCOME_RENT_QUOTA": false},
                 "iban": "%s", "documents": []}""".formatted(applicant, IBAN));
        if (atDesk) {
            form.put("onBehalfOf", applicant);
        }
        return form;
    }

    /** The world's objects for an application-service endpoint, and a body valid for it and for who sends it. */
    Request applicationRequest(Endpoint e, Who who, Calls w) {
        String key = e.method() + " " + e.path();
        String call = key.equals("GET /calls/{id}/ranking") ? w.rankedCall() : w.call();
        String id = e.path().startsWith("/contested-claims/") ? w.contest() : call;
        Request request = Request.of(Map.of("id", id, "protocol", w.protocol(), "istatCode", Round2019.BARI, "kind", "RENT_EMERGENCY"),
                w.secrets());
        return switch (key) {
            case "POST /calls" -> request.withJson(newCall(who == Who.FOREIGN_OPERATOR ? Round2019.PULSANO : Round2019.BARI));
            case "POST /calls/{id}/applications" -> request.withJson((switch (who) {
                case CITIZEN -> emergency(ANNA, false);
                case OTHER_CITIZEN -> emergency(MARIO, false);
                default -> people.rentEmergency();
            }).toString());
            case "POST /calls/{id}/budget/top-ups" -> request.withJson("{\"source\": \"MUNICIPAL\", \"amount\": 100.00, \"legalRef\": \"DG 7/2026\"}");
            case "PUT /applications/{protocol}/tax-arrears" -> request.withJson("{\"amount\": 200.00, \"reference\": \"TARI 2019\"}");
            case "POST /applications/{protocol}/social-assessment" ->
                    request.withJson("{\"amount\": 300.00, \"socialWorker\": \"dr. Neri\", \"report\": \"home visit\"}");
            case "POST /applications/{protocol}/payment" -> request.withJson("{\"paymentReference\": \"mandato 12/2026\"}");
            case "POST /applications/{protocol}/revocation" -> request.withJson("{\"reason\": \"false declaration\"}");
            case "POST /contested-claims/{id}/resolution" -> request.withJson("{\"outcome\": \"RELEASED\", \"note\": \"registry checked\"}");
            default -> common(e, request);
        };
    }

    // reporting-service

    /** The demo's FINCOVID fund where Bari reported every beneficiary: its report is sent again as a new version. */
    Request reportingRequest(Endpoint e) {
        String reportUrl = url("reporting") + "/funds/" + Round2019.FINCOVID + "/municipalities/" + Round2019.BARI + "/report";
        List<String> secrets = new ArrayList<>(round.applications(Round2019.BARI));
        secrets.add(ANNA);
        Request request = Request.of(Map.of("code", Round2019.FINCOVID, "istatCode", Round2019.BARI), secrets);
        if (e.queryParameters().stream().anyMatch(q -> q.name().equals("istatCode"))) {
            request = request.withQuery(Map.of("istatCode", Round2019.BARI));
        }
        if ((e.method() + " " + e.path()).equals("PUT /funds/{code}/municipalities/{istatCode}/report")) {
            JsonNode report = Http.json(200, "GET", reportUrl, token("op-bari"), null);
            ObjectNode body = Http.JSON.createObjectNode();
            body.set("used", report.get("used"));
            body.set("unspent", report.get("unspent"));
            body.set("beneficiaries", report.get("beneficiaries"));
            body.put("reason", "sent again by the hostile run");
            return request.withJson(body.toString());
        }
        return common(e, request);
    }

    private static Request common(Endpoint e, Request request) {
        if (e.path().equals("/clock/advance")) {
            // the matrix moves time by nothing; the fuzz moves it last, once every other check is done
            return request.withJson("{\"by\": \"PT0S\"}");
        }
        if (e.requestSchema() != null) {
            throw new IllegalStateException("no valid body for " + e + ": add one to RunningWorlds");
        }
        return request;
    }
}
