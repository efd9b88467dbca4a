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
        return RestAssured.given()
                .formParam("grant_type", "password")
                .formParam("client_id", DEMO_CLIENT)
                .formParam("username", username)
                .formParam("password", DEMO_PASSWORD)
                .post(tokenEndpoint())
                .then().statusCode(200)
                .extract().path("access_token");
    }

    public static String clientCredentials(String clientId, String secret) {
        return RestAssured.given()
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .post(tokenEndpoint())
                .then().statusCode(200)
                .extract().path("access_token");
    }

    private static String tokenEndpoint() {
        String base = ConfigProvider.getConfig().getValue(KeycloakTestResource.URL_PROPERTY, String.class);
        return base + "/realms/" + KeycloakServer.REALM + "/protocol/openid-connect/token";
    }
}
