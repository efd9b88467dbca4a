package org.fondicasa.application.application;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.fondicasa.platform.security.Owner;
import org.fondicasa.platform.security.OwnerLookup;

import java.util.List;
import java.util.Optional;

/**
 * {protocol} of /applications/{protocol}/…: an application is about its applicant, filed by a desk operator or not,
 * in its call's municipality. Its existence is personal: whoever may not see it gets the answer of a protocol that
 * does not exist.
 */
@ApplicationScoped
@Unremovable
public class ApplicationOwner implements OwnerLookup {

    private final EntityManager em;

    public ApplicationOwner(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Owner> owner(String value) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery("select c.istat_code, a.applicant_fiscal_code, a.assisted, a.submitted_by"
                        + " from application a join call c on c.id = a.call_id where a.protocol_number = ?1")
                .setParameter(1, value).getResultList();
        return found.stream().findFirst().map(row -> Owner.personal((String) row[0], ((String) row[1]).strip(),
                Boolean.TRUE.equals(row[2]) ? (String) row[3] : null));
    }

    @Override
    public String describe(String value) {
        return "application " + value;
    }

    @Override
    public Visibility visibility() {
        return Visibility.PRIVATE;
    }
}
