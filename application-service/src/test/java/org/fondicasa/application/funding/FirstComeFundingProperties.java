package org.fondicasa.application.funding;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
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

    /**
     * A funding pass reads the line a batch at a time and, with no money, reads nothing: part by part it decides what
     * funding the whole line at once decides, and where a part stops the line, everyone behind it waits.
     */
    @Property
    void fundingTheLineInBatchesDecidesAsFundingItWhole(@ForAll @LongRange(max = 10_000_000) long budget,
                                                        @ForAll @Size(max = 60) List<@LongRange(min = 1, max = 1_000_000) Long> needs,
                                                        @ForAll boolean wholeOnly, @ForAll @IntRange(min = 1, max = 20) int batch) {
        List<Claim> line = claims(needs);
        var whole = FirstComeFunding.fund(budget, line, wholeOnly);
        List<Grant> grants = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        long remaining = budget;
        int next = 0;
        while (true) {
            List<Claim> part = remaining == 0 ? List.of() : line.subList(next, Math.min(line.size(), next + batch));
            var outcome = FirstComeFunding.fund(remaining, part, wholeOnly);
            grants.addAll(outcome.grants());
            waiting.addAll(outcome.waiting());
            remaining = outcome.remainingCents();
            if (outcome.waitsFrom().isPresent()) {
                long from = outcome.waitsFrom().getAsLong();
                line.stream().skip(next + part.size()).forEach(c -> assertThat(c.receiptSeq()).isGreaterThanOrEqualTo(from));
                line.stream().skip(next + part.size()).map(Claim::protocolNumber).forEach(waiting::add);
                break;
            }
            if (part.size() < batch) {
                break; // money left and the whole line read
            }
            next += part.size();
        }
        assertThat(grants).isEqualTo(whole.grants());
        assertThat(waiting).isEqualTo(whole.waiting());
        assertThat(remaining).isEqualTo(whole.remainingCents());
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
