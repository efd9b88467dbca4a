package org.fondicasa.platform.reference;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PugliaMunicipalitiesTest {

    @Test
    void theFileListsThe257MunicipalitiesWithSevenColumnsAndUniqueCodes() throws Exception {
        List<String[]> rows;
        try (BufferedReader in = PugliaMunicipalities.open()) {
            assertThat(in.readLine()).isEqualTo("istat_code,name,province_code,province,province_abbr,cadastral_code,population");
            rows = in.lines().map(l -> l.split(",", -1)).toList();
        }
        assertThat(rows).hasSize(257).allSatisfy(r -> assertThat(r).hasSize(7));
        assertThat(rows.stream().map(r -> r[0]).distinct()).hasSize(257);
    }
}
