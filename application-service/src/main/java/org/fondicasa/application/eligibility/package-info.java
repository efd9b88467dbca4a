/**
 * Who may get what under a call's rules: the checks of eligibility, the bands, the DM 7/6/1999 contribution and the
 * amounts. The whole package is domain core: plain Java, judged in milliseconds by unit and property tests.
 */
@DomainCore
package org.fondicasa.application.eligibility;

import org.fondicasa.platform.domain.DomainCore;
