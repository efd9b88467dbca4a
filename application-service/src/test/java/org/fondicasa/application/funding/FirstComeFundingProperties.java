package org.fondicasa.application.funding;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.fondicasa.application.funding.FirstComeFunding.Claim;
import org.fondicasa.application.funding.FirstComeFunding.Grant;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class FirstComeFundingProperties {

    private static List<Claim> claims(List<Long> needs) {
        return IntStream.range(0, needs.size()).mapToObj(i -> new Claim("P" + i, i, needs.get(i))).toList();
    }

    @Property
    void neverCommitsMoreThanTheBudget(@ForAll @LongRange(max = 10_000_000) long budget,
                                            @ForAll @Size(max = 60) List<@LongRange(min = 1, max = 1_000_000) Long> needs,
                                            @ForAll boolean wholeOnly) {
        var outcome = FirstComeFunding.fund(budget, claims(needs), wholeOnly);
        assertThat(outcome.grantedCents()).isLessThanOrEqualTo(budget);
        assertThat(outcome.grantedCents() + outcome.remainingCents()).isEqualTo(budget);
        assertThat(outcome.grants()).allSatisfy(g -> assertThat(g.cents()).isPositive());
    }

    @Property
    void moneyGoesInReceiptOrderWhateverOrderClaimsArrive(@ForAll @LongRange(max = 10_000_000) long budget,
                                                                  @ForAll @Size(max = 60) List<@LongRange(min = 1, max = 1_000_000) Long> needs,
                                                                  @ForAll boolean wholeOnly, @ForAll long seed) {
        List<Claim> inLine = claims(needs);
        List<Claim> shuffled = new ArrayList<>(inLine);
        Collections.shuffle(shuffled, new Random(seed));
        var outcome = FirstComeFunding.fund(budget, shuffled, wholeOnly);
        assertThat(outcome).isEqualTo(FirstComeFunding.fund(budget, inLine, wholeOnly));
        // the funded ones are a prefix of the line: nobody gets money while someone before them waits
        List<String> granted = outcome.grants().stream().map(Grant::protocolNumber).toList();
        assertThat(granted).isEqualTo(inLine.stream().limit(granted.size()).map(Claim::protocolNumber).toList());
        // only the last grant may be partial, and never for a loan
        for (int i = 0; i < outcome.grants().size() - 1; i++) {
            assertThat(outcome.grants().get(i).complete()).isTrue();
        }
        if (wholeOnly) {
            assertThat(outcome.grants()).allSatisfy(g -> assertThat(g.complete()).isTrue());
        }
        assertThat(granted.size() + outcome.waiting().size()
                - outcome.grants().stream().filter(g -> !g.complete()).count()).isEqualTo(needs.size());
    }
}
