package org.fondicasa.application.application;

import org.fondicasa.platform.domain.DomainCore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Whose place in a call a fiscal code is (one application per household, any member counts). A place is
 * {@link Kind#OWN} when the person took it themselves, signed in with SPID/CIE; {@link Kind#LISTED} when someone else
 * named them: the applicant listing a household member, or a desk operator filing for them. The rules:
 * <ul>
 *     <li>a person who applies themselves takes back their place from an application that only listed them, and with
 *     it the places of the members both applications list; that application is held for the municipality's operator
 *     (a contest), and keeps its other members;</li>
 *     <li>a second application of one's own is refused, naming one's own protocol;</li>
 *     <li>any other claim on a place someone holds is refused as a household conflict that names nothing of the other
 *     application: whether that place is held as OWN or LISTED is never read for it, so the answer cannot tell.</li>
 * </ul>
 */
@DomainCore
public final class HouseholdPlaces {

    public enum Kind { OWN, LISTED }

    /** A fiscal code an application asks a place for. */
    public record Claim(String fiscalCode, Kind kind) {
    }

    /** A place as it is held now: by which application, and how. */
    public record Holder(String fiscalCode, Kind kind, String protocolNumber) {
    }

    /** What happens to an application some of whose places are held. */
    public sealed interface Decision {
    }

    /** Nothing is held (any more): the application is stored as any other. */
    public record Free() implements Decision {
    }

    /** The person already has an application of their own in this call: theirs, so it may be named. */
    public record AlreadyApplied(String ownProtocol) implements Decision {
    }

    /** These codes are held by other applications and this one may not take them: refused, nothing named. */
    public record Conflict(List<String> fiscalCodes) implements Decision {
    }

    /** The person's own application takes these places from the one that listed them, which is then held. */
    public record TakeOver(String heldProtocol, List<String> fiscalCodes) implements Decision {
    }

    private HouseholdPlaces() {
    }

    /** The claims of an application: the applicant's own place when they apply themselves, everyone else listed. */
    public static List<Claim> claims(List<String> household, String applicant, boolean appliesThemselves) {
        return household.stream()
                .map(code -> new Claim(code, appliesThemselves && code.equals(applicant) ? Kind.OWN : Kind.LISTED))
                .toList();
    }

    /**
     * After the quick path found these codes held: only a person applying themselves, whose own place is among them,
     * needs to know who holds them; every other conflict is answered without reading the holders.
     */
    public static boolean needsHolders(List<Claim> claims, Collection<String> held) {
        return claims.stream().anyMatch(c -> c.kind() == Kind.OWN && held.contains(c.fiscalCode()));
    }

    /** The decision for an application's claims, given who holds any of those codes now. */
    public static Decision decide(List<Claim> claims, List<Holder> holders) {
        Map<String, Holder> byCode = holders.stream().collect(Collectors.toMap(Holder::fiscalCode, Function.identity(), (a, b) -> a));
        String heldFrom = null;
        for (Claim claim : claims) {
            Holder holder = byCode.get(claim.fiscalCode());
            if (claim.kind() != Kind.OWN || holder == null) {
                continue;
            }
            if (holder.kind() == Kind.OWN) {
                // an OWN place is only ever the person's own: a second application of theirs
                return new AlreadyApplied(holder.protocolNumber());
            }
            heldFrom = holder.protocolNumber();
        }
        List<String> taken = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        for (Claim claim : claims) {
            Holder holder = byCode.get(claim.fiscalCode());
            if (holder == null) {
                continue;
            }
            if (holder.kind() == Kind.LISTED && holder.protocolNumber().equals(heldFrom)) {
                taken.add(claim.fiscalCode());
            } else {
                conflicts.add(claim.fiscalCode());
            }
        }
        if (!conflicts.isEmpty()) {
            return new Conflict(List.copyOf(conflicts));
        }
        return taken.isEmpty() ? new Free() : new TakeOver(heldFrom, List.copyOf(taken));
    }
}
