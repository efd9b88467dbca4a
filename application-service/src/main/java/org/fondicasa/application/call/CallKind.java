package org.fondicasa.application.call;

import org.fondicasa.platform.domain.DomainCore;

/**
 * The four kinds of call in the sources, each with its own rule set and way of handing out money.
 * {@link Funding} says how: in receipt order (a sportello), by ranking after closing (graduatoria), or by a
 * social worker's assessment.
 */
@DomainCore
public enum CallKind {
    /** COVID rent emergency, Fin_a (DGR 1724/2020, DOMAIN §1.4): first come, the last grant may be partial. */
    RENT_EMERGENCY(Funding.FIRST_COME_PARTIAL),
    /** Ordinary rent support, DM 7/6/1999 (DOMAIN §1.5, §2): ranked by band and income. */
    RENT_SUPPORT(Funding.RANKED),
    /** Extraordinary hardship grant (seed 002, Bisceglie): amount set by the social worker. */
    HARDSHIP_GRANT(Funding.ASSESSED),
    /** Regional zero-interest social microcredit (seeds 000, 001): first come, a loan whole or not at all. */
    SOCIAL_MICROCREDIT(Funding.FIRST_COME_WHOLE);

    public enum Funding {
        FIRST_COME_PARTIAL, FIRST_COME_WHOLE, RANKED, ASSESSED;

        public boolean firstCome() {
            return this == FIRST_COME_PARTIAL || this == FIRST_COME_WHOLE;
        }
    }

    private final Funding funding;

    CallKind(Funding funding) {
        this.funding = funding;
    }

    public Funding funding() {
        return funding;
    }
}
