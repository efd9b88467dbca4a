package org.fondicasa.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.fondicasa.platform.validation.FiscalCode;
import org.fondicasa.platform.web.ProblemException;

import java.security.Principal;
import java.util.Optional;

/**
 * Who is calling, read from the verified token only: the roles, the municipality an operator acts for, the
 * citizen's fiscal code. Services decide tenancy here, never from request bodies or the UI.
 */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** The municipality the token says this operator acts for, if any. */
    public Optional<String> istatCode() {
        return claim(Roles.ISTAT_CODE_CLAIM).map(String::strip).filter(c -> c.matches("[0-9]{6}"));
    }

    /** The normalised fiscal code the identity provider asserted (SPID/CIE), if it is a valid one. */
    public Optional<String> fiscalCode() {
        return claim(Roles.FISCAL_NUMBER_CLAIM).flatMap(FiscalCode::normalise);
    }

    /**
     * Lets the region through for any municipality, and an operator only for their own; everyone else is
     * refused. The refusal does not say whether the other municipality's data exists.
     */
    public void requireMunicipality(String istatCode) {
        if (has(Roles.REGION_OFFICER)) {
            return;
        }
        if (has(Roles.MUNICIPALITY_OPERATOR) && istatCode().filter(istatCode::equals).isPresent()) {
            return;
        }
        throw ProblemException.forbidden("You may act only for your own municipality"
                + istatCode().map(c -> " (" + c + ")").orElse(""));
    }

    /** The citizen's own fiscal code; a citizen token without a valid one is refused. */
    public String requireCitizenFiscalCode() {
        return fiscalCode().orElseThrow(() -> ProblemException.forbidden(
                "The token carries no valid fiscal code (claim " + Roles.FISCAL_NUMBER_CLAIM + ")"));
    }

    /**
     * The caller's own bearer token, to ask another service on their behalf (token propagation): that service then
     * applies its own rules to the same person, who can do nothing there they could not do directly.
     */
    public Optional<String> bearerToken() {
        return identity.getPrincipal() instanceof JsonWebToken jwt ? Optional.ofNullable(jwt.getRawToken()) : Optional.empty();
    }

    private Optional<String> claim(String name) {
        Principal principal = identity.getPrincipal();
        if (principal instanceof JsonWebToken jwt) {
            Object value = jwt.getClaim(name);
            if (value instanceof jakarta.json.JsonString json) {
                return Optional.of(json.getString());
            }
            return Optional.ofNullable(value).map(Object::toString);
        }
        return Optional.ofNullable(identity.getAttribute(name)).map(Object::toString);
    }
}
