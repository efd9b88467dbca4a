package org.fondicasa.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Puglia's 2019 rent-support round, played end to end through the public REST APIs with the demo users' tokens:
 * the region's funds and DGR 1724/2020 Annex A, four municipalities' quotas and co-financing, the bonus, a Fin_a
 * emergency call in Bari and an ordinary call in Pulsano with generated applicants, the ranking, payments, the
 * closings, Bari's and Bisceglie's reports, and Casarano's report missing at the deadline.
 * <p>
 * Time is moved, not waited for: calls stay open {@link Timeline#callWindow()} and the reports are due
 * {@link Timeline#reportWindow()} after the round starts, and the round moves the services' clocks past each of them.
 * The system then runs that far ahead of the wall clock. Figures of the region's acts are real (Annex A); the
 * municipalities' choices and the ordinary fund's Fin_base are demo figures, said so where they are entered.
 */
public final class Round2019 {

    public static final String FINCOVID = "FINCOVID-2020";
    public static final String ORDINARY = "AFFITTI-2019";
    public static final String BARI = "072006";
    public static final String BISCEGLIE = "110003";
    public static final String PULSANO = "073022";
    public static final String CASARANO = "075016";

    /** A municipality in the demo: its operator and, in euro, how it uses its FINCOVID share and what it adds to the ordinary call. */
    public record Municipality(String operator, String istatCode, String finA, String finC, String finBase, String qEmi,
                               String cofin) {
    }

    /**
     * Demo choices, not from an act. Fin_b is what is left of the Annex A share. COFIN is at least 20% of Fin_base in
     * Bari, Bisceglie and Pulsano (bonus), not in Casarano; Pulsano puts no money on Fin_a, so it owes no Fin_a report.
     */
    public static final List<Municipality> MUNICIPALITIES = List.of(
            new Municipality("op-bari", BARI, "25000.00", "100000.00", "1180000.00", "30000.00", "250000.00"),
            new Municipality("op-bisceglie", BISCEGLIE, "3000.00", "20000.00", "215000.00", "0.00", "48000.00"),
            new Municipality("op-pulsano", PULSANO, "0.00", "15000.00", "33408.21", "0.00", "7000.00"),
            new Municipality("op-casarano", CASARANO, "1000.00", "0.00", "70500.00", "0.00", "12000.00"));

    /** How long calls stay open, and how long after the start the FINCOVID reports are due. */
    public record Timeline(Duration callWindow, Duration reportWindow) {
        public static Timeline demo() {
            return new Timeline(Duration.ofDays(14), Duration.ofDays(45));
        }
    }

    private static final Duration PROPAGATION = Duration.ofSeconds(60);

    private final LocalSystem system;
    private final Timeline timeline;
    private final Consumer<String> log;
    private final LocalDateTime reportDeadline;
    private final Map<String, String> calls = new LinkedHashMap<>();
    private final List<String> bariApplications = new ArrayList<>();
    private final List<String> pulsanoApplications = new ArrayList<>();
    private LocalDateTime callsClose;

    public Round2019(LocalSystem system, Timeline timeline, Consumer<String> log) {
        this.system = system;
        this.timeline = timeline;
        this.log = log;
        this.reportDeadline = now().plus(timeline.reportWindow()).truncatedTo(ChronoUnit.SECONDS);
    }

    /** Every step in order. */
    public void play() {
        allocate();
        declareQuotas();
        cofinanceAndPublishBonus();
        openCalls();
        fileApplications();
        closeCalls();
        report();
        passReportDeadline();
    }

    public String call(String name) {
        return calls.get(name);
    }

    public LocalDateTime reportDeadline() {
        return reportDeadline;
    }

    /** The protocol numbers filed in Bari's or Pulsano's call, in the order they were filed. */
    public List<String> applications(String istatCode) {
        return switch (istatCode) {
            case BARI -> List.copyOf(bariApplications);
            case PULSANO -> List.copyOf(pulsanoApplications);
            default -> throw new IllegalArgumentException("the round has calls in Bari and Pulsano only, not " + istatCode);
        };
    }

    /** 1. The region creates both funds and publishes their allocations. */
    public void allocate() {
        String region = system.token("regione");
        String funds = system.url("allocation") + "/funds";
        Http.expect(201, "POST", funds, region, """
                {"code": "%s", "title": "FINCOVID: rent support fund, DM 343 of 12/08/2020", "legalAct": "DGR 1724/2020",
                 "year": 2020, "amount": 8357151.20, "bonusReserve": 0.00, "minimumShare": 0.00, "reportDeadline": "%s"}"""
                .formatted(FINCOVID, reportDeadline));
        Http.expect(201, "POST", funds, region, """
                {"code": "%s", "title": "Ordinary rent support 2019 (L. 431/1998 art. 11)", "legalAct": "DD 131/2020",
                 "year": 2019, "amount": 10581636.23, "bonusReserve": 60000.00, "minimumShare": 0.00, "quotaFund": "%s"}"""
                .formatted(ORDINARY, FINCOVID));
        // the allocation as DGR 1724/2020 published it (Annex A): the fund then shows the € 2.462,89 the act left over
        Http.expect(201, "POST", funds + "/" + FINCOVID + "/publication/import?source=DGR 1724/2020, Annex A", region,
                annexA(), "text/csv");
        StringBuilder finBase = new StringBuilder("istat_code,share\n");
        MUNICIPALITIES.forEach(m -> finBase.append(m.istatCode()).append(',').append(m.finBase()).append('\n'));
        Http.expect(201, "POST", funds + "/" + ORDINARY + "/publication/import?source=demo figures, not from an act", region,
                finBase.toString(), "text/csv");
        awaitLedger(FINCOVID, line -> line.hasNonNull("share"), 176, "the 176 shares of Annex A");
        log.accept("1/8 allocation: " + FINCOVID + " (DGR 1724/2020 Annex A, 176 municipalities) and " + ORDINARY
                + " published; FINCOVID reports due " + reportDeadline.truncatedTo(ChronoUnit.SECONDS) + " (Europe/Rome)");
    }

    /** 2. Each operator splits the FINCOVID share into Fin_a, Fin_b and Fin_c. */
    public void declareQuotas() {
        for (Municipality m : MUNICIPALITIES) {
            String token = system.token(m.operator());
            JsonNode shares = Http.json(200, "GET", system.url("allocation") + "/funds/" + FINCOVID + "/shares", token, null);
            String share = shareOf(shares, m.istatCode());
            String finB = new BigDecimal(share).subtract(new BigDecimal(m.finA()))
                    .subtract(new BigDecimal(m.finC())).toPlainString();
            Http.expect(200, "PUT", system.url("allocation") + "/funds/" + FINCOVID + "/municipalities/" + m.istatCode() + "/quota",
                    token, "{\"finA\": %s, \"finB\": %s, \"finC\": %s}".formatted(m.finA(), finB, m.finC()));
        }
        awaitLedger(FINCOVID, line -> line.hasNonNull("finA"), MUNICIPALITIES.size(), "the quota declarations");
        awaitBudgetSource(BARI, "op-bari", FINCOVID, "Fin_a");
        log.accept("2/8 quotas: Bari, Bisceglie, Pulsano and Casarano declared Fin_a / Fin_b / Fin_c of their share");
    }

    /** 3. The ordinary-call inputs with co-financing; the region publishes the bonus for COFIN ≥ 20% of Fin_base. */
    public void cofinanceAndPublishBonus() {
        for (Municipality m : MUNICIPALITIES) {
            Http.expect(200, "PUT", system.url("allocation") + "/funds/" + ORDINARY + "/municipalities/" + m.istatCode()
                    + "/cofinancing", system.token(m.operator()), """
                    {"finC": %s, "qEmi": %s, "qSmine": 0, "cofin": %s, "deliberationNumber": "GC 2020/%s",
                     "deliberationDate": "2020-11-10", "budgetChapter": "Cap. 12345 - Bilancio 2020"}"""
                    .formatted(m.finC(), m.qEmi(), m.cofin(), m.istatCode().substring(3)));
        }
        String region = system.token("regione");
        Http.expect(201, "POST", system.url("allocation") + "/funds/" + ORDINARY + "/bonus/simulations", region, null);
        Http.expect(201, "POST", system.url("allocation") + "/funds/" + ORDINARY + "/bonus/publication", region, null);
        awaitBudgetSource(PULSANO, "op-pulsano", ORDINARY, "bonus");
        awaitLedger(ORDINARY, line -> line.hasNonNull("cofin"), MUNICIPALITIES.size(), "the co-financing declarations");
        log.accept("3/8 co-financing declared by the four municipalities; bonus published (" + ORDINARY + "/bonus)");
    }

    /** 4. Bari's Fin_a call (first come) and Pulsano's ordinary call (ranked), plus a regional microcredit left open. */
    public void openCalls() {
        String app = system.url("application");
        String opens = now().minusMinutes(1).toString();
        callsClose = now().plus(timeline.callWindow());
        calls.put("bari", id(Http.json(201, "POST", app + "/calls", system.token("op-bari"), callBody(app, "op-bari", "RENT_EMERGENCY",
                BARI, FINCOVID, opens, callsClose.toString(), "[{\"source\": \"Fin_a\"}]"))));
        calls.put("pulsano", id(Http.json(201, "POST", app + "/calls", system.token("op-pulsano"), callBody(app, "op-pulsano",
                "RENT_SUPPORT", PULSANO, ORDINARY, opens, callsClose.toString(), """
                        [{"source": "Fin_base"}, {"source": "Fin_c"}, {"source": "QEmi"}, {"source": "QSmine"},
                         {"source": "COFIN"}, {"source": "bonus"}]"""))));
        calls.put("microcredit", id(Http.json(201, "POST", app + "/calls", system.token("regione"), callBody(app, "regione",
                "SOCIAL_MICROCREDIT", null, null, opens, reportDeadline.plusDays(30).toString(), """
                        [{"source": "REGIONAL", "amount": "5000000.00", "legalRef": "demo budget, not from an act"}]"""))));
        log.accept("4/8 calls open until " + callsClose.truncatedTo(ChronoUnit.SECONDS) + ": Bari's Fin_a emergency call "
                + calls.get("bari") + ", Pulsano's ordinary call " + calls.get("pulsano") + "; the regional microcredit until 30 days after the report deadline");
    }

    /** 5. Applicants at Bari's and Pulsano's desks, anna.bianchi on her own, mario.rossi for the microcredit. */
    public void fileApplications() {
        String app = system.url("application");
        Applicants bari = new Applicants(2019, "A662");
        String bariDesk = system.token("sportello-bari");
        for (int i = 0; i < 45; i++) {
            bariApplications.add(protocol(Http.json(201, "POST", app + "/calls/" + calls.get("bari") + "/applications", bariDesk,
                    bari.rentEmergency().toString())));
        }
        bariApplications.add(protocol(Http.json(201, "POST", app + "/calls/" + calls.get("bari") + "/applications",
                system.token("anna.bianchi"), """
                        {"household": [{"fiscalCode": "BNCNNA85E52A883Y", "role": "APPLICANT"}], "isee": "14000.00",
                         "incomeLossPercent": "40", "rent": {"emergencyMonths": ["420.00", "420.00", "420.00"]},
                         "declarations": {"NOT_ENOUGH_LIQUIDITY": true, "CITIZEN_INCOME_RENT_QUOTA": false},
                         "iban": "IT60X0542811101000000123456", "documents": []}""")));
        Applicants pulsano = new Applicants(1999, "H090");
        String pulsanoDesk = system.token("sportello-pulsano");
        for (int i = 0; i < 30; i++) {
            pulsanoApplications.add(protocol(Http.json(201, "POST", app + "/calls/" + calls.get("pulsano") + "/applications",
                    pulsanoDesk, pulsano.rentSupport().toString())));
        }
        Http.expect(201, "POST", app + "/calls/" + calls.get("microcredit") + "/applications", system.token("mario.rossi"), """
                {"household": [{"fiscalCode": "RSSMRA80A01A662A", "role": "APPLICANT"}], "isee": "11200.00",
                 "residentInPugliaSince": "2012-06-01", "declarations": {"VULNERABILITY_INCOME_CUT": true},
                 "requestedAmount": "4500.00", "purpose": "rent arrears and a used car for work",
                 "iban": "IT60X0542811101000000123456", "documents": ["ID_DOCUMENT", "ISEE_CERTIFICATE"]}""");
        if (now().isAfter(callsClose)) {
            throw new IllegalStateException("the applications took longer than the call window (" + timeline.callWindow() + ")");
        }
        log.accept("5/8 applications: " + bariApplications.size() + " in Bari (" + (bariApplications.size() - 1)
                + " at the desk), " + pulsanoApplications.size() + " at Pulsano's desk, mario.rossi's microcredit");
    }

    /** 6. After the deadline: Bari closes and pays its grants; Pulsano ranks, withholds, closes and pays. */
    public void closeCalls() {
        system.advanceClockTo(callsClose.plusSeconds(1));
        String app = system.url("application");
        String bari = system.token("op-bari");
        String bariCall = app + "/calls/" + calls.get("bari");
        await(() -> decided(Http.json(200, "GET", bariCall + "/funding", bari, null)), "Bari's first-come funding to settle");
        // closed first: a partial first-come grant is paid once no money can return to complete it
        close(bariCall, bari);
        int paid = payGranted(bari, bariApplications, "MANDATO BARI 2021/");

        String pulsano = system.token("op-pulsano");
        String pulsanoCall = app + "/calls/" + calls.get("pulsano");
        // the simulation shows who would be funded; the finance office records municipal tax arrears of the first one,
        // withheld at payment (seed 003)
        JsonNode simulation = Http.json(200, "POST", pulsanoCall + "/ranking/simulations", pulsano, null);
        String first = simulation.get("entries").get(0).get("protocolNumber").asText();
        Http.expect(200, "PUT", app + "/applications/" + first + "/tax-arrears", pulsano,
                "{\"amount\": \"150.00\", \"reference\": \"TARI 2019, avviso di accertamento 31/2021\"}");
        JsonNode ranking = Http.json(200, "POST", pulsanoCall + "/ranking/publication", pulsano, null);
        int ranked = ranking.get("entries").size();
        close(pulsanoCall, pulsano);
        paid += payGranted(pulsano, pulsanoApplications, "MANDATO PULSANO 2021/");
        log.accept("6/8 closings: Bari's call closed and paid; Pulsano's ranking published (" + ranked + " ranked, "
                + ranking.get("excluded").size() + " excluded); " + paid + " payments recorded");
    }

    /** 7. Bari reports its Fin_a with every beneficiary; Bisceglie, which ran no Fin_a call, reports it unspent. */
    public void report() {
        // the draft is pre-filled from the events: wait until reporting-service has seen Bari's last payment
        JsonNode funding = Http.json(200, "GET", system.url("application") + "/calls/" + calls.get("bari") + "/funding",
                system.token("op-bari"), null);
        String committed = funding.get("committed").decimalValue().toPlainString();
        awaitLedger(FINCOVID, line -> line.get("istatCode").asText().equals(BARI)
                && line.get("paid").decimalValue().add(line.get("withheld").decimalValue()).compareTo(new BigDecimal(committed)) == 0,
                1, "Bari's payments of € " + committed);
        for (String[] who : new String[][]{{"op-bari", BARI}, {"op-bisceglie", BISCEGLIE}}) {
            String token = system.token(who[0]);
            String url = system.url("reporting") + "/funds/" + FINCOVID + "/municipalities/" + who[1] + "/report";
            JsonNode draft = Http.json(200, "GET", url + "/draft", token, null);
            ObjectNode report = Http.JSON.createObjectNode();
            report.set("used", draft.get("used"));
            report.set("unspent", draft.get("unspent"));
            report.set("beneficiaries", draft.get("beneficiaries"));
            Http.expect(201, "PUT", url, token, report.toString());
        }
        log.accept("7/8 reports: Bari and Bisceglie reported their Fin_a on time; Casarano has not");
    }

    /** 8. The deadline passes: Casarano's report is missing, and its Fin_a goes to the housing agencies. */
    public void passReportDeadline() {
        log.accept("    moving the clock past the FINCOVID report deadline, " + reportDeadline + " ...");
        system.advanceClockTo(reportDeadline.plusSeconds(1));
        String region = system.token("regione");
        Http.expect(200, "POST", system.url("reporting") + "/funds/" + FINCOVID + "/reports/missing", region, null);
        String balance = system.url("allocation") + "/funds/" + FINCOVID + "/municipalities/" + CASARANO + "/balance";
        await(() -> movedToHousingAgencies(Http.json(200, "GET", balance, region, null)).signum() > 0,
                "Casarano's Fin_a to reach the housing agencies");
        log.accept("8/8 report deadline passed: Casarano's report missing, its Fin_a moved to the housing agencies");
    }

    /** What left the municipality's Fin_a for the housing agencies, from its balance per source. */
    static BigDecimal movedToHousingAgencies(JsonNode balance) {
        for (JsonNode source : balance.get("sources")) {
            if (source.get("source").asText().equals("Fin_a")) {
                return source.get("movedOut").get("HOUSING_AGENCIES").decimalValue();
            }
        }
        return BigDecimal.ZERO;
    }

    private int payGranted(String token, List<String> protocols, String reference) {
        int paid = 0;
        for (String protocol : protocols) {
            JsonNode application = Http.json(200, "GET", system.url("application") + "/applications/" + protocol, token, null);
            String status = application.get("status").asText();
            if (status.equals("GRANTED") || status.equals("PARTIALLY_GRANTED")) {
                Http.expect(200, "POST", system.url("application") + "/applications/" + protocol + "/payment", token,
                        "{\"paymentReference\": \"" + reference + (++paid) + "\"}");
            }
        }
        return paid;
    }

    /** Closing waits until every application is decided: the call answers 409 until then. */
    private static void close(String callUrl, String token) {
        await(() -> Http.send("POST", callUrl + "/closure", token, null).statusCode() == 200, "the closure of " + callUrl);
    }

    private static boolean decided(JsonNode funding) {
        return funding.get("pending").asLong() == 0;
    }

    String callBody(String app, String user, String kind, String istat, String fund, String opens, String closes,
                            String budget) {
        JsonNode template = Http.json(200, "GET", app + "/call-templates/" + kind, system.token(user), null);
        ObjectNode body = Http.JSON.createObjectNode();
        body.put("kind", kind);
        body.set("title", template.get("title"));
        body.set("legalAct", template.get("legalAct"));
        body.put("istatCode", istat);
        body.put("fundCode", fund);
        body.put("opensAt", opens);
        body.put("closesAt", closes);
        body.set("budget", Http.parse(budget));
        body.set("rules", template.get("rules"));
        return body.toString();
    }

    private void awaitLedger(String fund, Predicate<JsonNode> line, int count, String what) {
        String url = system.url("reporting") + "/funds/" + fund + "/ledger";
        String region = system.token("regione");
        await(() -> {
            var response = Http.send("GET", url, region, null);
            if (response.statusCode() != 200) {
                return false;
            }
            int matching = 0;
            for (JsonNode l : Http.parse(response.body())) {
                matching += line.test(l) ? 1 : 0;
            }
            return matching >= count;
        }, "reporting-service's ledger of " + fund + " to show " + what);
    }

    private void awaitBudgetSource(String istat, String operator, String fund, String kind) {
        String url = system.url("application") + "/municipalities/" + istat + "/budget-sources";
        String token = system.token(operator);
        await(() -> {
            var response = Http.send("GET", url, token, null);
            return response.statusCode() == 200 && response.body().contains("\"fundCode\":\"" + fund + "\"")
                    && response.body().contains("\"kind\":\"" + kind + "\"");
        }, "application-service to learn " + istat + "'s " + kind + " of " + fund);
    }

    private static String shareOf(JsonNode split, String istat) {
        for (JsonNode share : split.get("shares")) {
            if (share.get("istatCode").asText().equals(istat)) {
                return share.get("share").decimalValue().toPlainString();
            }
        }
        throw new IllegalStateException("no published share for " + istat);
    }

    private static String id(JsonNode created) {
        return created.get("id").asText();
    }

    private static String protocol(JsonNode receipt) {
        return receipt.get("protocolNumber").asText();
    }

    private String annexA() {
        try {
            return Files.readString(system.root().resolve(
                    "allocation-service/src/main/resources/reference/dgr-1724-2020-annex-a-fincovid.csv"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Annex A of DGR 1724/2020", e);
        }
    }

    /** The services' time, which the round moves forward. */
    private LocalDateTime now() {
        return system.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Events take a moment to cross Kafka: polls until the condition holds, or fails saying what did not happen. */
    static void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(PROPAGATION);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            pause(300);
        }
        throw new IllegalStateException("waited " + PROPAGATION.toSeconds() + " s for " + what);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
