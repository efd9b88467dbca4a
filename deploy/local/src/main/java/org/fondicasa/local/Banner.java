package org.fondicasa.local;

import java.nio.file.Path;

/** What the run command prints once everything is ready. */
final class Banner {

    private Banner() {
    }

    /** {@code round}: the demo round played, or null when started without it. */
    static String text(LocalSystem system, Path root, Round2019 round) {
        String token = system.keycloakIssuer() + "/protocol/openid-connect/token";
        return """

                ==================================================================================================
                 fondicasa is up. Logs: %s
                --------------------------------------------------------------------------------------------------
                 allocation-service   %s/q/swagger-ui
                 application-service  %s/q/swagger-ui
                 reporting-service    %s/q/swagger-ui
                 readiness            <service>/q/health/ready     metrics  <service>/q/metrics
                 dashboard            %s/dashboard/funds   live: %s/dashboard/stream (token of dashboard-client)
                 Keycloak             %s   (admin console: http://localhost:%s/admin, admin/admin)
                 PostgreSQL           %s   (user postgres, password postgres)
                 Kafka                %s

                %s
                 Demo users (password "demo"): regione (region-officer), op-bari, op-bisceglie, op-pulsano,
                 op-casarano (municipality-operator), mario.rossi, anna.bianchi (citizen), sportello-bari,
                 sportello-pulsano (desk-operator); client dashboard-client / dashboard-secret (dashboard, client credentials).

                 A token:
                   TOKEN=$(curl -s -d grant_type=password -d client_id=fondicasa-cli -d username=op-bari -d password=demo \\
                     %s | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
                   curl -H "Authorization: Bearer $TOKEN" %s/funds/FINCOVID-2020/municipalities/072006/quota

                 Ctrl-C stops everything this command started.
                ==================================================================================================
                """.formatted(root.resolve(".local/logs"), system.url("allocation"), system.url("application"),
                system.url("reporting"), system.url("reporting"), system.url("reporting"), system.keycloakIssuer(),
                portOf(system.keycloakIssuer()),
                system.postgresUrl("allocation"), system.kafkaBootstrapServers(), round == null ? " No demo data (--no-demo).\n" : demo(round),
                token, system.url("allocation"));
    }

    private static String demo(Round2019 round) {
        return """
                 Demo: Puglia's 2019 round, played through the APIs; the services' clocks were moved past the calls' closing
                 and the report deadline, so the system runs ahead of the wall clock (README, "A walk through the demo"):
                   FINCOVID-2020  DGR 1724/2020 Annex A (176 shares, € 2.462,89 residual); quotas of Bari, Bisceglie, Pulsano, Casarano
                   AFFITTI-2019   Fin_base (demo figures), COFIN of the four, bonus published: /funds/AFFITTI-2019/bonus
                   calls          Bari's Fin_a emergency call, first come, paid, closed:  /calls/%s/funding
                                  Pulsano's ordinary call, ranked, paid, closed:          /calls/%s/ranking
                                  regional microcredit, open 30 more days (mario.rossi applied: /me/applications)
                   reports        /funds/FINCOVID-2020/reports: Bari, Bisceglie on time; Casarano missing, Fin_a to housing agencies
                   ledger         /funds/FINCOVID-2020/ledger and /funds/AFFITTI-2019/ledger on reporting-service
                   Excel annex    /funds/AFFITTI-2019/exports/annexes.xlsx?istatCode=073022 (Pulsano's annexes B and C)
                """.formatted(round.call("bari"), round.call("pulsano"));
    }

    private static String portOf(String url) {
        return url.replaceAll("^http://[^:]+:([0-9]+).*$", "$1");
    }
}
