package org.fondicasa.load;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationServiceContractTest {

    @Test
    void theCallOpensAMinuteAgoAndClosesADayLaterWithTheTemplatesRules() {
        JsonNode rules = ApplicationServiceContract.rules("{\"kind\":\"SOCIAL_MICROCREDIT\",\"rules\":{\"firstCome\":true}}");
        JsonNode call = ApplicationServiceContract.read(ApplicationServiceContract.callBody(rules, "t",
                LocalDateTime.of(2026, 11, 23, 8, 0, 30, 123)));
        assertThat(call.get("opensAt").asText()).isEqualTo("2026-11-23T07:59:30");
        assertThat(call.get("closesAt").asText()).isEqualTo("2026-11-24T08:00:30");
        assertThat(call.get("rules").get("firstCome").asBoolean()).isTrue();
        assertThat(call.get("budget").get(0).get("amount").asText()).isEqualTo("1000000.00");
        assertThat(call.get("istatCode").isNull()).isTrue();
    }

    @Test
    void theApplicantIsTheCitizenOfTheToken() {
        JsonNode application = ApplicationServiceContract.read(ApplicationServiceContract.applicationBody("RSSMRA80A01A662A"));
        assertThat(application.get("household").get(0).get("fiscalCode").asText()).isEqualTo("RSSMRA80A01A662A");
        assertThat(application.get("requestedAmount").asText()).isEqualTo("3000.00");
    }

    @Test
    void readsTheFundingStatus() {
        var funding = ApplicationServiceContract.funding("{\"callId\":\"5f0c0000-0000-0000-0000-000000000000\","
                + "\"budget\":1000000.00,\"committed\":\"999000.00\",\"available\":1000,"
                + "\"applications\":50000,\"granted\":333,\"waiting\":49667,\"notEligible\":0,\"pending\":0}");
        assertThat(funding.settled()).isTrue();
        assertThat(funding.count("granted")).isEqualTo(333);
        assertThat(funding.countsTotal()).isEqualTo(funding.applications());
        assertThat(funding.budget().toPlainString()).isEqualTo("1000000.00");
        assertThat(funding.committed().toPlainString()).isEqualTo("999000.00");
    }

    @Test
    void theChecksSqlNamesTheStatusesThatHoldMoney() {
        assertThat(ApplicationServiceContract.SQL_FIRST_COME_VIOLATIONS).contains("in ('GRANTED', 'PARTIALLY_GRANTED', 'PAID')");
        assertThat(ApplicationServiceContract.SQL_COMMITTED).endsWith("in ('GRANTED', 'PAID')");
    }
}
