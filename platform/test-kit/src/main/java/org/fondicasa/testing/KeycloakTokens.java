package org.fondicasa.testing;

import io.restassured.RestAssured;
import org.eclipse.microprofile.config.ConfigProvider;

/** Access tokens from the real Keycloak of {@link KeycloakTestResource}, by the password grant of the demo client. */
public final class KeycloakTokens {

    public static final String DEMO_CLIENT = "fondicasa-cli";
    public static final String DEMO_PASSWORD = "demo";

    private KeycloakTokens() {
    }

    public static String password(String username) {
        String base = ConfigProvider.getConfig().getValue(KeycloakTestResource.URL_PROPERTY, String.class);
        return RestAssured.given()
                .formParam("grant_type", "password")
                .formParam("client_id", DEMO_CLIENT)
                .formParam("username", username)
                .formParam("password", DEMO_PASSWORD)
                .post(base + "/realms/" + KeycloakServer.REALM + "/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }
}
