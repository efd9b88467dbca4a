package org.fondicasa.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.security.PrivateKey;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Signed access tokens shaped like the Keycloak realm's (deploy/keycloak): realm roles in
 * {@code realm_access.roles}, audience {@code fondicasa-api}, and the {@code istat_code} / {@code fiscal_number}
 * claims. Reads the issuer and key from test configuration set by {@link PlatformTestResource}.
 */
public final class TokenFactory {

    public static final String AUDIENCE = "fondicasa-api";

    private final String issuer;
    private final PrivateKey key;

    public TokenFactory(String issuer, PrivateKey key) {
        this.issuer = issuer;
        this.key = key;
    }

    /** From the configuration of the running test application. */
    public static TokenFactory fromConfig() {
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        return new TokenFactory(config.getValue(PlatformTestResource.ISSUER_PROPERTY, String.class),
                LocalOidcIssuer.privateKey(config.getValue(PlatformTestResource.KEY_PROPERTY, String.class)));
    }

    public String regionOfficer() {
        return token("regione", Set.of("region-officer"), Map.of());
    }

    public String operator(String istatCode) {
        return token("op-" + istatCode, Set.of("municipality-operator"), Map.of("istat_code", istatCode));
    }

    /** As SPID/CIE providers send it: {@code TINIT-} followed by the code. */
    public String citizen(String fiscalCode) {
        return token(fiscalCode.toLowerCase(), Set.of("citizen"), Map.of("fiscal_number", "TINIT-" + fiscalCode));
    }

    public String deskOperator(String istatCode) {
        return token("desk-" + istatCode, Set.of("desk-operator"), Map.of("istat_code", istatCode));
    }

    public String dashboard() {
        return token("service-account-dashboard-client", Set.of("dashboard"), Map.of());
    }

    public String token(String username, Set<String> roles, Map<String, String> claims) {
        JwtClaimsBuilder builder = Jwt.issuer(issuer)
                .subject(UUID.nameUUIDFromBytes(username.getBytes()).toString())
                .preferredUserName(username)
                .audience(AUDIENCE)
                .claim("realm_access", Map.of("roles", List.copyOf(roles)))
                .claim("typ", "Bearer")
                .expiresIn(900);
        claims.forEach(builder::claim);
        return builder.jws().keyId(LocalOidcIssuer.KEY_ID).sign(key);
    }
}
