package org.fondicasa.application.funding;

import org.fondicasa.application.funding.FirstComeFunding.Claim;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FirstComeFundingTest {

    private final List<Claim> line = List.of(new Claim("P1", 1, 100_000), new Claim("P2", 2, 80_000), new Claim("P3", 3, 50_000));

    @Test
    void rentContributionsFillTheBudgetAndTheLastOneIsPartial() {
        var outcome = FirstComeFunding.fund(200_000, line, false);
        assertThat(outcome.grants()).containsExactly(new FirstComeFunding.Grant("P1", 100_000, true),
                new FirstComeFunding.Grant("P2", 80_000, true), new FirstComeFunding.Grant("P3", 20_000, false));
        assertThat(outcome.remainingCents()).isZero();
        assertThat(outcome.waiting()).containsExactly("P3");
    }

    @Test
    void aLoanThatDoesNotFitWaitsAndEveryoneBehindItWaitsToo() {
        var outcome = FirstComeFunding.fund(170_000, line, true);
        assertThat(outcome.grants()).extracting(FirstComeFunding.Grant::protocolNumber).containsExactly("P1");
        assertThat(outcome.remainingCents()).isEqualTo(70_000);
        assertThat(outcome.waiting()).containsExactly("P2", "P3");
    }

    @Test
    void whereTheLineStopsSaysWhoWaitsBehindTheClaimsRead() {
        // the partial grant waits for the rest of its need, and everyone from it onwards
        assertThat(FirstComeFunding.fund(200_000, line, false).waitsFrom()).hasValue(3);
        // a loan that does not fit: from that loan onwards
        assertThat(FirstComeFunding.fund(170_000, line, true).waitsFrom()).hasValue(2);
        // the money spent exactly on the last claim read: everyone after it waits, though no claim of theirs was read
        var spent = FirstComeFunding.fund(230_000, line, true);
        assertThat(spent.waiting()).isEmpty();
        assertThat(spent.waitsFrom()).hasValue(4);
        // no money, nothing read: the whole line waits
        assertThat(FirstComeFunding.fund(0, List.of(), false).waitsFrom()).hasValue(0);
        assertThat(FirstComeFunding.fund(0, List.of(), true).waiting()).isEmpty();
        // money left after the last claim read: the line goes on
        var left = FirstComeFunding.fund(230_001, line, false);
        assertThat(left.waitsFrom()).isEmpty();
        assertThat(left.remainingCents()).isEqualTo(1);
    }

    @Test
    void orderIsByReceiptWhateverOrderTheClaimsComeIn() {
        var outcome = FirstComeFunding.fund(100_000, List.of(line.get(2), line.get(0), line.get(1)), true);
        assertThat(outcome.grants()).extracting(FirstComeFunding.Grant::protocolNumber).containsExactly("P1");
    }
}
