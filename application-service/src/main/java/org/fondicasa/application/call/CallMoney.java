package org.fondicasa.application.call;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.util.UUID;

/** A call's budget (sum of its entries) and committed money (grants not revoked), read from the database. */
@ApplicationScoped
public class CallMoney {

    private final EntityManager em;

    public CallMoney(EntityManager em) {
        this.em = em;
    }

    public BigDecimal budget(UUID callId) {
        return euro(em.createNativeQuery("select coalesce(sum(amount), 0) from call_budget_entry where call_id = ?1")
                .setParameter(1, callId).getSingleResult());
    }

    public BigDecimal committed(UUID callId) {
        return euro(em.createNativeQuery("select coalesce(sum(amount), 0) from award where call_id = ?1 and status <> 'REVOKED'")
                .setParameter(1, callId).getSingleResult());
    }

    /** A sum of amounts as money: two decimals even when nothing was summed (the database gives a bare 0 then). */
    private static BigDecimal euro(Object sum) {
        return ((BigDecimal) sum).setScale(2);
    }

    /** Serialises every change of a call's money (funding, ranking, grants, top-ups) for this transaction. */
    public void lock(UUID callId) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))").setParameter(1, callId.toString()).getSingleResult();
    }
}
