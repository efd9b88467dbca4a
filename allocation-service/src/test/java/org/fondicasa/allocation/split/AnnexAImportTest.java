package org.fondicasa.allocation.split;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.fondicasa.testing.Money;
import org.fondicasa.testing.TokenFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.fondicasa.testing.Money.euro;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.fondicasa.allocation.fixtures.FundBuilder.aFund;

/** DGR 1724/2020 Annex A imported as published: 176 shares, and the € 2.462,89 the act left unallocated. */
@QuarkusTest
class AnnexAImportTest {

    static {
        Money.exactJsonNumbers();
    }

    private final TokenFactory tokens = TokenFactory.fromConfig();

    static String annexA() throws IOException {
        try (InputStream in = AnnexAImportTest.class.getClassLoader().getResourceAsStream("reference/dgr-1724-2020-annex-a-fincovid.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String createFincovid() {
        String code = "FINCOVID-" + java.util.UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        given().auth().oauth2(tokens.regionOfficer()).contentType(ContentType.JSON)
                .body(aFund(code).titled("FINCOVID, DM 343/2020").withAmount("8357151.20").json())
                .post("/funds").then().statusCode(201);
        return code;
    }

    @Test
    void importingAnnexAShowsTheResidual() throws IOException {
        String code = createFincovid();
        given().auth().oauth2(tokens.regionOfficer()).contentType("text/csv").body(annexA())
                .post("/funds/" + code + "/publication/import?source=DGR 1724/2020, Annex A")
                .then().statusCode(201)
                .body("kind", equalTo("IMPORT"))
                .body("shares", hasSize(176))
                .body("allocated", euro("8354688.31"))
                .body("residual", euro("2462.89"))
                .body("shares.find { it.istatCode == '072006' }.explanation", containsString("as published in DGR 1724/2020, Annex A"));

        given().auth().oauth2(tokens.dashboard()).get("/funds/" + code).then().statusCode(200)
                .body("amount", euro("8357151.20"))
                .body("allocated", euro("8354688.31"))
                .body("residual", euro("2462.89"));
        given().auth().oauth2(tokens.regionOfficer()).contentType("text/csv").body(annexA())
                .post("/funds/" + code + "/publication/import?source=again").then().statusCode(409);
    }

    @Test
    void aBadImportListsEveryRowAndStoresNothing() {
        String code = createFincovid();
        given().auth().oauth2(tokens.regionOfficer()).contentType("text/csv")
                .body("istat_code,name_as_published,province_abbr,fincovid_eur\n072006,BARI,BA,10.00\n072006,BARI,BA,1\n"
                        + "999999,X,XX,1.00\n110003,BISCEGLIE,BT,1,5\n073022,PULSANO,TA,1.234\n")
                .post("/funds/" + code + "/publication/import?source=test")
                .then().statusCode(400)
                .body("violations", hasSize(4));
        given().auth().oauth2(tokens.regionOfficer()).get("/funds/" + code + "/shares").then().statusCode(404);
    }

    @Test
    void anImportThatExceedsTheFundIsRefused() {
        String code = createFincovid();
        given().auth().oauth2(tokens.regionOfficer()).contentType("text/csv")
                .body("istat_code,share\n072006,9000000.00\n")
                .post("/funds/" + code + "/publication/import?source=test")
                .then().statusCode(422).body("type", equalTo("urn:fondicasa:problem:over-allocated"));
    }
}
