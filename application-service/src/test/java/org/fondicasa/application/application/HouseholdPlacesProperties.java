package org.fondicasa.application.application;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.fondicasa.application.application.HouseholdPlaces.AlreadyApplied;
import org.fondicasa.application.application.HouseholdPlaces.Claim;
import org.fondicasa.application.application.HouseholdPlaces.Conflict;
import org.fondicasa.application.application.HouseholdPlaces.Decision;
import org.fondicasa.application.application.HouseholdPlaces.Free;
import org.fondicasa.application.application.HouseholdPlaces.Holder;
import org.fondicasa.application.application.HouseholdPlaces.Kind;
import org.fondicasa.application.application.HouseholdPlaces.TakeOver;
import org.fondicasa.application.fixtures.People;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link HouseholdPlaces} over random households and random holders of their places. */
class HouseholdPlacesProperties {

    /** A household of 1 to 6 people drawn from 12, the applicant first; whether they apply themselves. */
    record Application(List<String> household, boolean appliesThemselves) {
        List<Claim> claims() {
            return HouseholdPlaces.claims(household, household.get(0), appliesThemselves);
        }
    }

    @Provide
    Arbitrary<Application> applications() {
        return Combinators.combine(Arbitraries.integers().between(0, 11).set().ofMinSize(1).ofMaxSize(6), Arbitraries.of(true, false))
                .as((people, themselves) -> new Application(people.stream().map(People::fiscalCode).toList(), themselves));
    }

    /** Holders of some of the 12 people's places: three other applications, each place OWN or LISTED. */
    @Provide
    Arbitrary<List<Holder>> holders() {
        Arbitrary<Holder> holder = Combinators.combine(Arbitraries.integers().between(0, 11), Arbitraries.of(Kind.values()),
                Arbitraries.of("2026-0000000001", "2026-0000000002", "2026-0000000003"))
                .as((person, kind, protocol) -> new Holder(People.fiscalCode(person), kind, protocol));
        // one holder per place, and at most one OWN place per application (it is its applicant's)
        return holder.list().ofMaxSize(12).map(list -> {
            Map<String, Holder> byCode = new LinkedHashMap<>();
            List<String> withOwn = new ArrayList<>();
            for (Holder h : list) {
                if (byCode.containsKey(h.fiscalCode()) || (h.kind() == Kind.OWN && withOwn.contains(h.protocolNumber()))) {
                    continue;
                }
                if (h.kind() == Kind.OWN) {
                    withOwn.add(h.protocolNumber());
                }
                byCode.put(h.fiscalCode(), h);
            }
            return List.copyOf(byCode.values());
        });
    }

    @Property
    void theOnlyProtocolEverNamedIsThePersonsOwn(@ForAll("applications") Application a, @ForAll("holders") List<Holder> holders) {
        Decision decision = HouseholdPlaces.decide(a.claims(), holders);
        if (decision instanceof AlreadyApplied already) {
            assertThat(a.appliesThemselves()).isTrue();
            assertThat(holders).contains(new Holder(a.household().get(0), Kind.OWN, already.ownProtocol()));
        }
        if (decision instanceof Conflict conflict) {
            assertThat(conflict.fiscalCodes()).isNotEmpty().allMatch(a.household()::contains);
        }
    }

    @Property
    void aListingCannotTellWhoHoldsAPlaceNorHow(@ForAll("applications") Application a, @ForAll("holders") List<Holder> holders) {
        if (a.appliesThemselves()) {
            return;
        }
        // the same places held by anyone else, in any way: the same decision, naming only this form's own codes
        List<Holder> otherwise = IntStream.range(0, holders.size()).mapToObj(i -> new Holder(holders.get(i).fiscalCode(),
                holders.get(i).kind() == Kind.OWN ? Kind.LISTED : Kind.OWN, "2026-000000009" + (i % 10))).toList();
        Decision decision = HouseholdPlaces.decide(a.claims(), holders);
        assertThat(decision).isInstanceOfAny(Free.class, Conflict.class);
        assertThat(HouseholdPlaces.decide(a.claims(), otherwise)).isEqualTo(decision);
    }

    @Property
    void aTakeOverTakesOnlyListedPlacesFromTheOneApplicationThatListedThePerson(@ForAll("applications") Application a,
                                                                                  @ForAll("holders") List<Holder> holders) {
        Decision decision = HouseholdPlaces.decide(a.claims(), holders);
        if (!(decision instanceof TakeOver takeOver)) {
            return;
        }
        assertThat(a.appliesThemselves()).isTrue();
        assertThat(takeOver.fiscalCodes()).contains(a.household().get(0));
        assertThat(takeOver.fiscalCodes()).allSatisfy(code ->
                assertThat(holders).contains(new Holder(code, Kind.LISTED, takeOver.heldProtocol())));
        // every other place the household asks for is free
        a.household().stream().filter(code -> !takeOver.fiscalCodes().contains(code))
                .forEach(code -> assertThat(holders).noneMatch(h -> h.fiscalCode().equals(code)));
    }
}
