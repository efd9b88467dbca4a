package org.fondicasa.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventDataTest {

    private final JsonNode data = read("""
            {"amount": "8357151.20", "bad": "12,50", "three": "1.005", "number": 12.5, "revision": 3, "name": "x"}""");

    @Test
    void euroIsReadExactlyWithTwoDecimals() {
        assertThat(EventData.euro(data, "amount")).isEqualTo(new BigDecimal("8357151.20"));
    }

    @Test
    void anythingElseIsUnprocessable() {
        assertThatThrownBy(() -> EventData.euro(data, "bad")).isInstanceOf(UnprocessableEventException.class)
                .hasMessageContaining("not euro with two decimals");
        assertThatThrownBy(() -> EventData.euro(data, "three")).isInstanceOf(UnprocessableEventException.class);
        assertThatThrownBy(() -> EventData.euro(data, "number")).isInstanceOf(UnprocessableEventException.class);
        assertThatThrownBy(() -> EventData.text(data, "missing")).isInstanceOf(UnprocessableEventException.class);
        assertThatThrownBy(() -> EventData.integer(data, "name")).isInstanceOf(UnprocessableEventException.class);
        assertThatThrownBy(() -> EventData.integer(data, "number")).isInstanceOf(UnprocessableEventException.class);
    }

    @Test
    void integersAndTexts() {
        assertThat(EventData.integer(data, "revision")).isEqualTo(3);
        assertThat(EventData.text(data, "name")).isEqualTo("x");
    }

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
