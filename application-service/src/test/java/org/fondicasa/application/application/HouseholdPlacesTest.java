package org.fondicasa.application.application;

import org.fondicasa.application.application.HouseholdPlaces.AlreadyApplied;
import org.fondicasa.application.application.HouseholdPlaces.Claim;
import org.fondicasa.application.application.HouseholdPlaces.Conflict;
import org.fondicasa.application.application.HouseholdPlaces.Free;
import org.fondicasa.application.application.HouseholdPlaces.Holder;
import org.fondicasa.application.application.HouseholdPlaces.TakeOver;
import org.fondicasa.application.fixtures.People;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fondicasa.application.application.HouseholdPlaces.Kind.LISTED;
import static org.fondicasa.application.application.HouseholdPlaces.Kind.OWN;

/** Whose place it is, without a server: the rules of {@link HouseholdPlaces}. */
class HouseholdPlacesTest {

    static final String ANNA = People.fiscalCode(1);       // applies herself
    static final String LUCA = People.fiscalCode(2);       // Anna's child
    static final String MARTA = People.fiscalCode(3);      // listed Anna (and perhaps Luca) in her own application
    static final String PIERO = People.fiscalCode(4);      // someone else entirely
    static final String MARTAS = "2026-0000000010";
    static final String PIEROS = "2026-0000000011";

    /** Anna applying herself with Luca. */
    private static List<Claim> annaWithLuca() {
        return HouseholdPlaces.claims(List.of(ANNA, LUCA), ANNA, true);
    }

    @Test
    void onlyThePersonApplyingThemselvesHoldsAnOwnPlace() {
        assertThat(HouseholdPlaces.claims(List.of(ANNA, LUCA), ANNA, true))
                .containsExactly(new Claim(ANNA, OWN), new Claim(LUCA, LISTED));
        // a desk operator filing for Anna (onBehalfOf): someone acting for her, so a listing
        assertThat(HouseholdPlaces.claims(List.of(ANNA, LUCA), ANNA, false))
                .containsExactly(new Claim(ANNA, LISTED), new Claim(LUCA, LISTED));
    }

    @Test
    void nobodyHoldingThePlacesLetsTheApplicationIn() {
        assertThat(HouseholdPlaces.decide(annaWithLuca(), List.of())).isEqualTo(new Free());
    }

    @Test
    void herOwnApplicationTakesBackThePlaceAStrangerListedHerInWithTheMembersBothList() {
        var decision = HouseholdPlaces.decide(annaWithLuca(), List.of(
                new Holder(ANNA, LISTED, MARTAS), new Holder(LUCA, LISTED, MARTAS)));
        assertThat(decision).isEqualTo(new TakeOver(MARTAS, List.of(ANNA, LUCA)));
    }

    @Test
    void aMemberListedInAThirdApplicationIsStillAConflict() {
        var decision = HouseholdPlaces.decide(annaWithLuca(), List.of(
                new Holder(ANNA, LISTED, MARTAS), new Holder(LUCA, LISTED, PIEROS)));
        assertThat(decision).isEqualTo(new Conflict(List.of(LUCA)));
    }

    @Test
    void theOwnPlaceOfTheApplicantWhoListedHerIsNotTaken() {
        // Anna lists Marta, who applied herself and listed Anna: Anna gets her own place back, never Marta's
        var decision = HouseholdPlaces.decide(HouseholdPlaces.claims(List.of(ANNA, MARTA), ANNA, true), List.of(
                new Holder(ANNA, LISTED, MARTAS), new Holder(MARTA, OWN, MARTAS)));
        assertThat(decision).isEqualTo(new Conflict(List.of(MARTA)));
    }

    @Test
    void aSecondApplicationOfHerOwnIsRefusedNamingHerOwnProtocol() {
        var decision = HouseholdPlaces.decide(annaWithLuca(), List.of(new Holder(ANNA, OWN, "2026-0000000007")));
        assertThat(decision).isEqualTo(new AlreadyApplied("2026-0000000007"));
    }

    @Test
    void aListingOfAHeldPlaceIsAConflictThatCannotTellWhoHoldsItOrHow() {
        // Piero lists Anna: whether Anna applied herself or was listed by Marta, the decision is the same
        List<Claim> pieroListingAnna = HouseholdPlaces.claims(List.of(PIERO, ANNA), PIERO, true);
        var whenOwn = HouseholdPlaces.decide(pieroListingAnna, List.of(new Holder(ANNA, OWN, "2026-0000000007")));
        var whenListed = HouseholdPlaces.decide(pieroListingAnna, List.of(new Holder(ANNA, LISTED, MARTAS)));
        assertThat(whenOwn).isEqualTo(whenListed).isEqualTo(new Conflict(List.of(ANNA)));
        // and the quick path does not even read the holders for it
        assertThat(HouseholdPlaces.needsHolders(pieroListingAnna, Set.of(ANNA))).isFalse();
    }

    @Test
    void aDeskFilingForSomeoneNeverTakesAPlace() {
        List<Claim> deskForAnna = HouseholdPlaces.claims(List.of(ANNA), ANNA, false);
        assertThat(HouseholdPlaces.needsHolders(deskForAnna, Set.of(ANNA))).isFalse();
        assertThat(HouseholdPlaces.decide(deskForAnna, List.of(new Holder(ANNA, LISTED, MARTAS))))
                .isEqualTo(new Conflict(List.of(ANNA)));
    }

    @Test
    void onlyAPersonWhoseOwnPlaceIsHeldNeedsToKnowWhoHoldsIt() {
        assertThat(HouseholdPlaces.needsHolders(annaWithLuca(), Set.of(ANNA))).isTrue();
        assertThat(HouseholdPlaces.needsHolders(annaWithLuca(), Set.of(LUCA))).isFalse();
    }
}
