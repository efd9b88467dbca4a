package org.fondicasa.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Demo data, entered the way users would: through the public REST APIs with the demo users' Keycloak tokens.
 * The 2019 round of DGR 1724/2020 (FINCOVID, € 8.357.151,20) and the ordinary 2019 rent fund of DD 131/2020
 * (€ 10.581.636,23), with co-financing declared by four municipalities' operators.
 */
final class DemoData {

    static final String FINCOVID = "FINCOVID-2020";
    static final String ORDINARY = "AFFITTI-2019";
    /** Demo operator → ISTAT code → COFIN → Fin_base, in euro (figures for the demo, not from an act). */
    static final String[][] COFIN = {
            {"op-bari", "072006", "250000.00", "1180000.00"},
            {"op-bisceglie", "110003", "48000.00", "215000.00"},
            {"op-pulsano", "073022", "6500.00", "33408.21"},
            {"op-casarano", "075016", "12000.00", "70500.00"}};

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    private final LocalSystem system;

    DemoData(LocalSystem system) {
        this.system = system;
    }

    void load() {
        String region = system.token("regione");
        String funds = system.url("allocation") + "/funds";
        Http.expect(201, "POST", funds, region, """
                {"code": "%s", "title": "FINCOVID: rent support fund, DM 343 of 12/08/2020", "legalAct": "DGR 1724/2020",
                 "year": 2020, "amount": 8357151.20, "bonusReserve": 0.00, "minimumShare": 0.00}""".formatted(FINCOVID));
        Http.expect(201, "POST", funds, region, """
                {"code": "%s", "title": "Ordinary rent support 2019 (L. 431/1998 art. 11)", "legalAct": "DD 131/2020",
                 "year": 2019, "amount": 10581636.23, "bonusReserve": 0.00, "minimumShare": 0.00}""".formatted(ORDINARY));
        // the allocation as DGR 1724/2020 published it (Annex A): the fund then shows the € 2.462,89 the act left over
        Http.expect(201, "POST", funds + "/" + FINCOVID + "/publication/import?source=DGR 1724/2020, Annex A", region,
                annexA(), "text/csv");
        StringBuilder finBase = new StringBuilder("istat_code,share\n");
        for (String[] cofin : COFIN) {
            finBase.append(cofin[1]).append(',').append(cofin[3]).append('\n');
        }
        Http.expect(201, "POST", funds + "/" + ORDINARY + "/publication/import?source=demo figures, not from an act", region,
                finBase.toString(), "text/csv");
        for (String[] cofin : COFIN) {
            Http.expect(200, "PUT", funds + "/" + ORDINARY + "/municipalities/" + cofin[1] + "/cofinancing",
                    system.token(cofin[0]), """
                            {"finC": 0, "qEmi": 0, "qSmine": 0, "cofin": %s, "deliberationNumber": "GC 2020/%s",
                             "deliberationDate": "2020-11-10", "budgetChapter": "Cap. 12345 - Bilancio 2020"}"""
                            .formatted(cofin[2], cofin[1].substring(3)));
        }
        awaitLedger(region);
        calls(region);
    }

    /**
     * Two calls open now: Pulsano's ordinary rent call on its AFFITTI-2019 budget as allocation-service announced it, and
     * the regional microcredit (seed 000's rules, a demo budget), where mario.rossi has applied.
     */
    private void calls(String region) {
        String app = system.url("application");
        String pulsano = system.token("op-pulsano");
        awaitBudgetSources(app, pulsano);
        String opens = LocalDateTime.now(ROME).minusMinutes(1).truncatedTo(ChronoUnit.SECONDS).toString();
        String closes = LocalDateTime.now(ROME).plusDays(30).truncatedTo(ChronoUnit.SECONDS).toString();
        Http.expect(201, "POST", app + "/calls", pulsano, call(app, pulsano, "RENT_SUPPORT", "\"073022\"", "\"" + ORDINARY + "\"",
                opens, closes, """
                        [{"source": "Fin_base"}, {"source": "Fin_c"}, {"source": "QEmi"}, {"source": "QSmine"}, {"source": "COFIN"}]"""));
        String microcredit = Http.expect(201, "POST", app + "/calls", region, call(app, region, "SOCIAL_MICROCREDIT", "null", "null",
                opens, closes, """
                        [{"source": "REGIONAL", "amount": "5000000.00", "legalRef": "demo budget, not from an act"}]"""));
        String id = microcredit.replaceAll("(?s)^.*?\"id\"\\s*:\\s*\"([0-9a-f-]{36})\".*$", "$1");
        Http.expect(201, "POST", app + "/calls/" + id + "/applications", system.token("mario.rossi"), """
                {"household": [{"fiscalCode": "RSSMRA80A01A662A", "role": "APPLICANT"}], "isee": "11200.00",
                 "residentInPugliaSince": "2012-06-01", "declarations": {"VULNERABILITY_INCOME_CUT": true},
                 "requestedAmount": "4500.00", "purpose": "rent arrears and a used car for work",
                 "iban": "IT60X0542811101000000123456", "documents": ["ID_DOCUMENT", "ISEE_CERTIFICATE"]}""");
    }

    /** A call body from the service's own template for the kind, with the rules as the template gives them. */
    private static String call(String app, String token, String kind, String istat, String fund, String opens, String closes,
                               String budget) {
        try {
            ObjectMapper mapper = new ObjectMapper();
            JsonNode template = mapper.readTree(Http.expect(200, "GET", app + "/call-templates/" + kind, token, null));
            ObjectNode body = mapper.createObjectNode();
            body.put("kind", kind);
            body.set("title", template.get("title"));
            body.set("legalAct", template.get("legalAct"));
            body.set("istatCode", mapper.readTree(istat));
            body.set("fundCode", mapper.readTree(fund));
            body.put("opensAt", opens);
            body.put("closesAt", closes);
            body.set("budget", mapper.readTree(budget));
            body.set("rules", template.get("rules"));
            return body.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void awaitBudgetSources(String app, String pulsano) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            var response = Http.send("GET", app + "/municipalities/073022/budget-sources", pulsano, null);
            if (response.statusCode() == 200 && response.body().contains("\"" + ORDINARY + "\"")) {
                return;
            }
            pause();
        }
        throw new IllegalStateException("application-service did not receive Pulsano's budget sources within 60 s");
    }

    private static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String annexA() {
        try {
            return java.nio.file.Files.readString(system.root().resolve(
                    "allocation-service/src/main/resources/reference/dgr-1724-2020-annex-a-fincovid.csv"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read Annex A of DGR 1724/2020", e);
        }
    }

    /** The COFIN events crossed Kafka when reporting-service's ledger shows all four municipalities. */
    private void awaitLedger(String region) {
        String url = system.url("reporting") + "/funds/" + ORDINARY + "/ledger";
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            var response = Http.send("GET", url, region, null);
            if (response.statusCode() == 200 && response.body().split("istatCode").length - 1 == COFIN.length) {
                return;
            }
            pause();
        }
        throw new IllegalStateException("reporting-service's ledger did not receive the demo COFIN events within 60 s");
    }
}
