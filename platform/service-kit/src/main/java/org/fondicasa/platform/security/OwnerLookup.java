package org.fondicasa.platform.security;

import java.util.Optional;

/**
 * Finds who owns the object a parameter names, for {@link TenancyGate}: one light query (the owning municipality and
 * person of one row by its key), no entity graph, since it runs for every request to the endpoint before anything
 * else. A CDI bean of the service that owns the objects.
 */
public interface OwnerLookup {

    /**
     * The owner of what {@code value} names, empty when nothing has that key.
     *
     * @throws IllegalArgumentException when the value cannot be a key at all (not a UUID...): the gate steps aside and
     *                                  the parameter's own reading answers 400, which says nothing about anyone
     */
    Optional<Owner> owner(String value);

    /** What the value names, for an answer: "application 2026-0000000012". */
    String describe(String value);

    /** Who may learn that it exists, and so how a refusal reads. */
    Visibility visibility();

    enum Visibility {
        /**
         * The value is a municipality acting (its declarations, balances, reports): the region and that municipality's
         * operators and desks; anyone else 403, which says nothing about the municipality's data.
         */
        MUNICIPALITY,
        /**
         * Something everyone may know exists (a call): acted on by the region, its municipality's operators and desks
         * (a desk also on the region's own objects); citizens and the dashboard as their role allows. Others 403.
         */
        PUBLIC,
        /**
         * Something whose existence is itself personal (an application, a household contest): the region, the operators
         * of its municipality, the citizen it is about and the desk operator who filed it. Anyone else gets 404, the
         * same answer as for a key that names nothing.
         */
        PRIVATE
    }
}
