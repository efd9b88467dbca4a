package org.fondicasa.allocation.split;

import org.fondicasa.allocation.need.NeedsUpload;
import org.fondicasa.platform.web.Problem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NeedsUploadTest {

    static final Set<String> KNOWN = Set.of("072006", "110003", "073022");

    @Test
    void goodRowsBecomeNeedsInCents() {
        NeedsUpload.Result r = NeedsUpload.check(List.of(new NeedsUpload.Row("row 2", " 072006 ", "10"),
                new NeedsUpload.Row("row 3", "110003", "0.5")), KNOWN);
        assertThat(r.ok()).isTrue();
        assertThat(r.needs()).containsEntry("072006", new BigDecimal("10.00")).containsEntry("110003", new BigDecimal("0.50"));
    }

    @Test
    void everyProblemIsListedAndNoNeedIsReturned() {
        NeedsUpload.Result r = NeedsUpload.check(List.of(
                new NeedsUpload.Row("row 2", "072006", "1,50"),
                new NeedsUpload.Row("row 3", "072006", "1"),
                new NeedsUpload.Row("row 4", "123456", "-1"),
                new NeedsUpload.Row("row 5", "ABC", ""),
                new NeedsUpload.Row("row 6", "073022", "1.999")), KNOWN);
        assertThat(r.needs()).isEmpty();
        assertThat(r.violations()).extracting(Problem.Violation::field).containsExactly(
                "row 2.need", "row 3.istatCode", "row 4.istatCode", "row 4.need", "row 5.istatCode", "row 5.need", "row 6.need");
    }

    @Test
    void csvWithCommasOrSemicolons() {
        List<Problem.Violation> violations = new ArrayList<>();
        assertThat(NeedsUpload.csvRows("\uFEFFistat_code;need\r\n072006;1.00\r\n", violations))
                .containsExactly(new NeedsUpload.Row("row 2", "072006", "1.00"));
        assertThat(NeedsUpload.csvRows("need,istat_code\n5,110003\n", violations))
                .containsExactly(new NeedsUpload.Row("row 2", "110003", "5"));
        assertThat(violations).isEmpty();
    }
}
