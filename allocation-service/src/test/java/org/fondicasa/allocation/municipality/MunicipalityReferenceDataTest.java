package org.fondicasa.allocation.municipality;

import io.quarkus.test.junit.QuarkusTest;
import org.fondicasa.platform.reference.PugliaMunicipalities;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The migration that loads municipalities agrees, row by row, with the ISTAT file it was generated from. */
@QuarkusTest
class MunicipalityReferenceDataTest {

    @Test
    void tableMatchesTheIstatFile() throws Exception {
        List<String[]> rows;
        try (BufferedReader in = PugliaMunicipalities.open()) {
            rows = in.lines().skip(1).map(l -> l.split(",", -1)).toList();
        }
        assertThat(rows).hasSize(257);
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            assertThat(Municipality.count()).isEqualTo(257);
            for (String[] r : rows) {
                Municipality m = Municipality.findById(r[0]);
                assertThat(m).as(r[0]).isNotNull();
                assertThat(m.name).isEqualTo(r[1]);
                assertThat(m.provinceAbbr).isEqualTo(r[4]);
                assertThat(m.cadastralCode).isEqualTo(r[5]);
                assertThat(m.population).isEqualTo(Integer.parseInt(r[6]));
            }
        });
    }
}
