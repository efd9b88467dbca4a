package org.fondicasa.platform.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fondicasa.platform.security.OwnerLookup.Visibility.MUNICIPALITY;
import static org.fondicasa.platform.security.OwnerLookup.Visibility.PRIVATE;
import static org.fondicasa.platform.security.OwnerLookup.Visibility.PUBLIC;

/** The gate's rule per role, one owner kind at a time; the services' AccessMatrixTest shows it over their real endpoints. */
class TenancyGateTest {

    static final String BARI = "072006";
    static final String PULSANO = "073022";
    static final String ANNA = "BNCNNA85E52A883Y";
    static final String MARIO = "RSSMRA80A01A662A";

    private static boolean admits(String role, Owner owner, OwnerLookup.Visibility v, String istat, String fiscalCode, String name) {
        return TenancyGate.admits(role, owner, v, istat, fiscalCode, name);
    }

    @Test
    void aMunicipalityActsForItselfOnly() {
        Owner bari = Owner.municipality(BARI);
        assertThat(admits(Roles.REGION_OFFICER, bari, MUNICIPALITY, null, null, "regione")).isTrue();
        assertThat(admits(Roles.MUNICIPALITY_OPERATOR, bari, MUNICIPALITY, BARI, null, "op")).isTrue();
        assertThat(admits(Roles.MUNICIPALITY_OPERATOR, bari, MUNICIPALITY, PULSANO, null, "op")).isFalse();
        assertThat(admits(Roles.MUNICIPALITY_OPERATOR, bari, MUNICIPALITY, null, null, "op")).isFalse();
        assertThat(admits(Roles.DESK_OPERATOR, bari, MUNICIPALITY, PULSANO, null, "desk")).isFalse();
        assertThat(admits(Roles.CITIZEN, bari, MUNICIPALITY, null, MARIO, "mario")).isFalse();
        assertThat(admits(Roles.DASHBOARD, bari, MUNICIPALITY, null, null, "dashboard")).isFalse();
    }

    @Test
    void aPublicObjectIsActedOnByItsMunicipalityAndReadAsTheRoleAllows() {
        Owner call = Owner.municipality(BARI);
        assertThat(admits(Roles.MUNICIPALITY_OPERATOR, call, PUBLIC, PULSANO, null, "op")).isFalse();
        assertThat(admits(Roles.DESK_OPERATOR, call, PUBLIC, BARI, null, "desk")).isTrue();
        assertThat(admits(Roles.DESK_OPERATOR, call, PUBLIC, PULSANO, null, "desk")).isFalse();
        assertThat(admits(Roles.CITIZEN, call, PUBLIC, null, MARIO, "mario")).isTrue();
        assertThat(admits(Roles.DASHBOARD, call, PUBLIC, null, null, "dashboard")).isTrue();
        // the region's own: no operator manages it, a desk files for citizens in it
        assertThat(admits(Roles.MUNICIPALITY_OPERATOR, Owner.region(), PUBLIC, BARI, null, "op")).isFalse();
        assertThat(admits(Roles.DESK_OPERATOR, Owner.region(), PUBLIC, BARI, null, "desk")).isTrue();
        assertThat(admits(Roles.REGION_OFFICER, Owner.region(), PUBLIC, null, null, "regione")).isTrue();
    }

    @Test
    void aPersonalObjectIsForItsPersonTheDeskThatFiledItAndItsMunicipality() {
        Owner application = Owner.personal(BARI, MARIO, "desk-072006");
        assertThat(admits(Roles.CITIZEN, application, PRIVATE, null, MARIO, "mario")).isTrue();
        assertThat(admits(Roles.CITIZEN, application, PRIVATE, null, ANNA, "anna")).isFalse();
        assertThat(admits(Roles.CITIZEN, application, PRIVATE, null, null, "nobody")).isFalse();
        assertThat(admits(Roles.DESK_OPERATOR, application, PRIVATE, BARI, null, "desk-072006")).isTrue();
        // another desk of the same municipality did not file it
        assertThat(admits(Roles.DESK_OPERATOR, application, PRIVATE, BARI, null, "desk-2-072006")).isFalse();
        assertThat(admits(Roles.MUNICIPALITY_OPERATOR, application, PRIVATE, BARI, null, "op")).isTrue();
        assertThat(admits(Roles.MUNICIPALITY_OPERATOR, application, PRIVATE, PULSANO, null, "op")).isFalse();
        assertThat(admits(Roles.DASHBOARD, application, PRIVATE, null, null, "dashboard")).isFalse();
        // a contest names no person of its own: its managers only
        Owner contest = Owner.personal(BARI, null, null);
        assertThat(admits(Roles.CITIZEN, contest, PRIVATE, null, MARIO, "mario")).isFalse();
        assertThat(admits(Roles.DESK_OPERATOR, contest, PRIVATE, BARI, null, "desk-072006")).isFalse();
        // an application in the region's own call: the region's
        assertThat(admits(Roles.MUNICIPALITY_OPERATOR, Owner.personal(null, MARIO, null), PRIVATE, BARI, null, "op")).isFalse();
    }

    @Test
    void aRoleTheGateDoesNotKnowIsLetThroughNowhere() {
        assertThat(admits("auditor", Owner.municipality(BARI), PUBLIC, BARI, MARIO, "x")).isFalse();
    }
}
