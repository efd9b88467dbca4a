package org.fondicasa.local;

import java.time.Duration;
import java.time.Instant;

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
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("reporting-service's ledger did not receive the demo COFIN events within 60 s");
    }
}
