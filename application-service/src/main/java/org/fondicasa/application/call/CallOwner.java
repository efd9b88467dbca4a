package org.fondicasa.application.call;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.fondicasa.platform.security.Owner;
import org.fondicasa.platform.security.OwnerLookup;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** {id} of /calls/{id}/…: a call is public (every role lists them), acted on by its municipality, or the region for its own. */
@ApplicationScoped
@Unremovable
public class CallOwner implements OwnerLookup {

    private final EntityManager em;
    /** A call's municipality never changes once created: read once, not on every application of a click day. */
    private final Map<UUID, Owner> known = new ConcurrentHashMap<>();

    public CallOwner(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Owner> owner(String value) {
        UUID id = UUID.fromString(value);
        Owner owner = known.get(id);
        if (owner != null) {
            return Optional.of(owner);
        }
        @SuppressWarnings("unchecked")
        List<String> found = em.createNativeQuery("select istat_code from call where id = ?1").setParameter(1, id).getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        owner = found.get(0) == null ? Owner.region() : Owner.municipality(found.get(0));
        known.put(id, owner);
        return Optional.of(owner);
    }

    @Override
    public String describe(String value) {
        return "call " + value;
    }

    @Override
    public Visibility visibility() {
        return Visibility.PUBLIC;
    }
}
