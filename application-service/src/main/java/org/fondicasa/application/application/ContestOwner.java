package org.fondicasa.application.application;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.fondicasa.platform.security.Owner;
import org.fondicasa.platform.security.OwnerLookup;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {id} of /contested-claims/{id}/…: a household contest is its call's managers' business (it names a person and two
 * applications); anyone else gets the answer of a contest that does not exist.
 */
@ApplicationScoped
@Unremovable
public class ContestOwner implements OwnerLookup {

    private final EntityManager em;

    public ContestOwner(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Owner> owner(String value) {
        UUID id = UUID.fromString(value);
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery("select c.istat_code, c.id from contested_claim k join call c on c.id = k.call_id"
                + " where k.id = ?1").setParameter(1, id).getResultList();
        return found.stream().findFirst().map(row -> Owner.personal((String) row[0], null, null));
    }

    @Override
    public String describe(String value) {
        return "contested claim " + value;
    }

    @Override
    public Visibility visibility() {
        return Visibility.PRIVATE;
    }
}
