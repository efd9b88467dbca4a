package org.fondicasa.local;

import java.nio.file.Path;

/** What the run command prints once everything is ready. */
final class Banner {

    private Banner() {
    }

    static String text(LocalSystem system, Path root) {
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

                 Demo data: FINCOVID-2020 (DGR 1724/2020, € 8.357.151,20) with Annex A imported as published
                 (/funds/FINCOVID-2020 shows the € 2.462,89 residual, /funds/FINCOVID-2020/shares every share); AFFITTI-2019
                 (DD 131/2020, demo Fin_base) with COFIN declared by Bari, Bisceglie, Pulsano and Casarano, seen in
                 reporting-service's ledger (/funds/AFFITTI-2019/ledger) and application-service's budget sources.
                 Open calls (application-service /calls): Pulsano's ordinary rent call on that budget, and the regional
                 microcredit, where mario.rossi has applied (/me/applications with his token).

                 Demo users (password "demo"): regione (region-officer), op-bari, op-bisceglie, op-pulsano,
                 op-casarano (municipality-operator), mario.rossi, anna.bianchi (citizen), sportello-bari
                 (desk-operator); client dashboard-client / dashboard-secret (dashboard, client credentials).

                 A token:
                   TOKEN=$(curl -s -d grant_type=password -d client_id=fondicasa-cli -d username=op-bari -d password=demo \\
                     %s | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
                   curl -H "Authorization: Bearer $TOKEN" %s/funds/AFFITTI-2019/municipalities/072006/cofinancing

                 Ctrl-C stops everything this command started.
                ==================================================================================================
                """.formatted(root.resolve(".local/logs"), system.url("allocation"), system.url("application"),
                system.url("reporting"), system.url("reporting"), system.url("reporting"), system.keycloakIssuer(),
                portOf(system.keycloakIssuer()),
                system.postgresUrl("allocation"), system.kafkaBootstrapServers(), token, system.url("allocation"));
    }

    private static String portOf(String url) {
        return url.replaceAll("^http://[^:]+:([0-9]+).*$", "$1");
    }
}
