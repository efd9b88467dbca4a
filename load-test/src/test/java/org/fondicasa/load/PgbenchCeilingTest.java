package org.fondicasa.load;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PgbenchCeilingTest {

    @Test
    void readsPgbench15Output() {
        String output = """
                transaction type: ceiling.sql
                scaling factor: 1
                query mode: simple
                number of clients: 32
                number of threads: 2
                maximum number of tries: 1
                duration: 15 s
                number of transactions actually processed: 45123
                number of failed transactions: 0 (0.000%)
                latency average = 10.640 ms
                initial connection time = 45.123 ms
                tps = 3007.412345 (without initial connection time)
                """;
        PgbenchCeiling.Run run = PgbenchCeiling.parse(output, 32, 2, 15, 45123, 0.9, 1.2, 0.6, 0.0);
        assertThat(run.tps()).isEqualTo(3007.412345);
        assertThat(run.latencyAverageMs()).isEqualTo(10.64);
        assertThat(run.transactions()).isEqualTo(45123);
        assertThat(run.failed()).isZero();
    }

    @Test
    void thePayloadIsAboutOneKilobyteOfJsonWithoutPgbenchVariables() {
        String payload = PgbenchCeiling.payloadTemplate();
        assertThat(payload.getBytes(StandardCharsets.UTF_8).length).isBetween(1000, 1100);
        assertThat(ApplicationServiceContract.read(payload).get("household").get(0).get("fiscalCode").asText())
                .isEqualTo("@FISCAL_CODE@");
        // pgbench substitutes ":name"; the template has none
        assertThat(payload).doesNotContainPattern(":[A-Za-z_]");
    }

    @Test
    void theScriptIsOneInsertPerTransaction() {
        String script = PgbenchCeiling.script(UUID.randomUUID(), PgbenchCeiling.payloadTemplate());
        assertThat(script.lines().filter(l -> !l.startsWith("\\")).toList()).hasSize(1)
                .allSatisfy(l -> assertThat(l).startsWith("insert into ceiling_application"));
        assertThat(script).doesNotContainIgnoringCase("begin");
    }
}
