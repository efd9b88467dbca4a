package org.fondicasa.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventDataTest {

    @Test
    void euroIsReadExactlyWithTwoDecimals() {
        assertThat(EventData.requireEuro("8357151.20", "amount")).isEqualTo(new BigDecimal("8357151.20"));
        assertThat(EventData.optionalEuro(null, "amount")).isNull();
    }

    @Test
    void anythingElseIsUnprocessable() {
        assertThatThrownBy(() -> EventData.requireEuro("12,50", "bad")).isInstanceOf(UnprocessableEventException.class)
                .hasMessageContaining("not euro with two decimals");
        assertThatThrownBy(() -> EventData.requireEuro("1.005", "three")).isInstanceOf(UnprocessableEventException.class);
        assertThatThrownBy(() -> EventData.requireEuro("12.5", "number")).isInstanceOf(UnprocessableEventException.class);
        assertThatThrownBy(() -> EventData.requireText(null, "missing")).isInstanceOf(UnprocessableEventException.class);
        assertThatThrownBy(() -> EventData.requireInteger(null, "name")).isInstanceOf(UnprocessableEventException.class);
    }

    @Test
    void integersAndTexts() {
        assertThat(EventData.requireInteger(3, "revision")).isEqualTo(3);
        assertThat(EventData.requireText("x", "name")).isEqualTo("x");
    }

    @Test
    void anEventIsReadIntoItsRecordWithAbsentFieldsNullAndWrongTypesUnprocessable() {
        var split = EventData.read(read("""
                {"fundCode": "FINCOVID-2020", "istatCode": "072006", "share": "1022334.56", "need": null, "extra": 1}"""),
                org.fondicasa.events.allocation.SplitPublished.class);
        assertThat(split.share()).isEqualTo("1022334.56");
        assertThat(split.need()).isNull();
        assertThat(split.legalAct()).isNull();
        assertThat(EventData.requireEuro(split.share(), "share")).isEqualTo(new BigDecimal("1022334.56"));
        assertThatThrownBy(() -> EventData.requireText(split.legalAct(), "legalAct")).isInstanceOf(UnprocessableEventException.class)
                .hasMessage("field legalAct missing or not a string");

        var quota = EventData.read(read("""
                {"revision": 2, "finA": "12,50"}"""), org.fondicasa.events.allocation.QuotaDeclared.class);
        assertThat(EventData.requireInteger(quota.revision(), "revision")).isEqualTo(2);
        assertThatThrownBy(() -> EventData.requireEuro(quota.finA(), "finA")).isInstanceOf(UnprocessableEventException.class)
                .hasMessageContaining("not euro with two decimals");
        assertThatThrownBy(() -> EventData.requireInteger(quota.share() == null ? null : 1, "share"))
                .isInstanceOf(UnprocessableEventException.class);

        assertThatThrownBy(() -> EventData.read(read("""
                {"revision": "2"}"""), org.fondicasa.events.allocation.QuotaDeclared.class))
                .isInstanceOf(UnprocessableEventException.class).hasMessage("field revision missing or not an integer");
        assertThatThrownBy(() -> EventData.read(read("""
                {"share": 12.50}"""), org.fondicasa.events.allocation.SplitPublished.class))
                .isInstanceOf(UnprocessableEventException.class).hasMessage("field share missing or not a string");
        assertThatThrownBy(() -> EventData.read(read("""
                {"eligible": "yes"}"""), org.fondicasa.events.application.ApplicationAssessed.class))
                .isInstanceOf(UnprocessableEventException.class);
        assertThat(EventData.read(read("""
                {"failedRules": ["ISEE"], "placeInLine": 3}"""), org.fondicasa.events.application.ApplicationAssessed.class)
                .failedRules()).containsExactly("ISEE");
    }

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
