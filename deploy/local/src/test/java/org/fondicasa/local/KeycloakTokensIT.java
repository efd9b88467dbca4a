package org.fondicasa.local;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import static java.nio.charset.StandardCharsets.UTF_8;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A packaged service against the reference provider: the real Keycloak of the shared system with the realm of
 * deploy/keycloak, tokens from its password grant for the demo users, roles and the istat_code claim as Keycloak maps
 * them. Runs on the system the other cross-service tests share, so Keycloak starts once per test run.
 */
@ExtendWith(SharedSystem.class)
class KeycloakTokensIT {

    static final String COFIN = """
            {"finC": 0, "qEmi": 0, "qSmine": 0, "cofin": 1000.00, "deliberationNumber": "GC 1", "deliberationDate": "2020-11-10",
             "budgetChapter": "Cap. 1"}""";

    static LocalSystem system;
    static String allocation;

    @BeforeAll
    static void start(LocalSystem shared) {
        system = shared;
        allocation = system.url("allocation");
    }

    @Test
    void demoUsersOfTheRealmActWithTheirRolesAndMunicipality() {
        String fund = "KC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String region = system.token("regione");
        Http.expect(201, "POST", allocation + "/funds", region, """
                {"code": "%s", "title": "t", "legalAct": "DGR 1724/2020", "year": 2020, "amount": 1.00, "bonusReserve": 0.00, "minimumShare": 0.00}"""
                .formatted(fund));
        Http.expect(201, "POST", allocation + "/funds/" + fund + "/publication/import?source=test", region,
                "istat_code,share\n072006,1.00\n", "text/csv");

        String bari = system.token("op-bari");
        assertThat(Http.json(200, "PUT", allocation + "/funds/" + fund + "/municipalities/072006/cofinancing", bari, COFIN)
                .get("declaredBy").asText()).isEqualTo("op-bari");
        assertThat(Http.send("PUT", allocation + "/funds/" + fund + "/municipalities/110003/cofinancing", bari, COFIN).statusCode())
                .isEqualTo(403);
        assertThat(Http.send("GET", allocation + "/funds/" + fund + "/municipalities/072006/cofinancing",
                system.token("op-bisceglie"), null).statusCode()).isEqualTo(403);
        String mario = system.token("mario.rossi");
        assertThat(Http.send("GET", allocation + "/funds", mario, null).statusCode()).isEqualTo(403);
        assertThat(Http.json(200, "GET", allocation + "/municipalities/072006", mario, null).get("name").asText()).isEqualTo("Bari");
    }

    @Test
    void theDashboardClientHasOnlyItsRole() {
        String token = system.clientCredentialsToken("dashboard-client", "dashboard-secret");
        assertThat(Http.send("GET", allocation + "/funds", token, null).statusCode()).isEqualTo(200);
        assertThat(Http.send("POST", allocation + "/funds", token, "{}").statusCode()).isEqualTo(403);
    }

    @Test
    void aTokenOfAnotherIssuerIsRejected() throws Exception {
        assertThat(Http.send("GET", allocation + "/funds", strangerToken(), null).statusCode()).isEqualTo(401);
    }

    /** A well-formed region officer's token, signed by a key and issuer this system does not trust. */
    private static String strangerToken() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair key = generator.generateKeyPair();
        long now = Instant.now().getEpochSecond();
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"stranger\"}".getBytes(UTF_8));
        String claims = base64.encodeToString(("{\"iss\":\"http://localhost:1/realms/puglia\",\"sub\":\"stranger\","
                + "\"aud\":\"fondicasa-api\",\"preferred_username\":\"regione\",\"realm_access\":{\"roles\":[\"region-officer\"]},"
                + "\"iat\":" + now + ",\"exp\":" + (now + 300) + "}").getBytes(UTF_8));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(key.getPrivate());
        rs256.update((header + "." + claims).getBytes(UTF_8));
        return header + "." + claims + "." + base64.encodeToString(rs256.sign());
    }
}
