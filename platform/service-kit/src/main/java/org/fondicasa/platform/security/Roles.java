package org.fondicasa.platform.security;

/** The realm roles every service understands (see deploy/keycloak). */
public final class Roles {
    public static final String REGION_OFFICER = "region-officer";
    /** Acts for the municipality named by the token's {@code istat_code} claim. */
    public static final String MUNICIPALITY_OPERATOR = "municipality-operator";
    /** Acts for themselves: the token's {@code fiscal_number} claim (SPID/CIE) is who they are. */
    public static final String CITIZEN = "citizen";
    /** Information desk that submits on a citizen's behalf; recorded as assisted. */
    public static final String DESK_OPERATOR = "desk-operator";
    /** Read-only aggregates, no personal data. */
    public static final String DASHBOARD = "dashboard";

    public static final String ISTAT_CODE_CLAIM = "istat_code";
    public static final String FISCAL_NUMBER_CLAIM = "fiscal_number";

    private Roles() {
    }
}
