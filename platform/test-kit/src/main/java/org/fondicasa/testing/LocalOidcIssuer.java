package org.fondicasa.testing;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * A minimal OpenID provider for tests: publishes discovery and a JWKS with one RSA key, so that services verify
 * signatures exactly as they do against Keycloak; tokens are signed with the private key by {@link TokenFactory}.
 * Not a login server: it issues nothing itself.
 */
public final class LocalOidcIssuer implements AutoCloseable {

    public static final String REALM = "puglia";
    public static final String KEY_ID = "test-key-1";

    private final HttpServer server;
    private final KeyPair keys;

    private LocalOidcIssuer(HttpServer server, KeyPair keys) {
        this.server = server;
        this.keys = keys;
    }

    public static LocalOidcIssuer start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            LocalOidcIssuer issuer = new LocalOidcIssuer(server, keys);
            server.createContext("/realms/" + REALM + "/.well-known/openid-configuration",
                    ex -> issuer.reply(ex, issuer.discovery()));
            server.createContext("/realms/" + REALM + "/protocol/openid-connect/certs", ex -> issuer.reply(ex, issuer.jwks()));
            server.start();
            return issuer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/" + REALM;
    }

    /** The signing key, PKCS#8 base64: handed to tests through configuration, which every class loader sees. */
    public String privateKeyBase64() {
        return Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded());
    }

    public static PrivateKey privateKey(String base64) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalArgumentException("not an RSA private key", e);
        }
    }

    private String discovery() {
        String iss = issuer();
        return "{\"issuer\":\"" + iss + "\",\"jwks_uri\":\"" + iss + "/protocol/openid-connect/certs\","
                + "\"token_endpoint\":\"" + iss + "/protocol/openid-connect/token\","
                + "\"authorization_endpoint\":\"" + iss + "/protocol/openid-connect/auth\","
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                + "\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"]}";
    }

    private String jwks() {
        RSAPublicKey pub = (RSAPublicKey) keys.getPublic();
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + KEY_ID + "\",\"n\":\""
                + base64Url(pub.getModulus()) + "\",\"e\":\"" + base64Url(pub.getPublicExponent()) + "\"}]}";
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void reply(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
