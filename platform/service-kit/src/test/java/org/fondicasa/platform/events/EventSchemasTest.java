package org.fondicasa.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventSchemasTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final EventSchemas schemas = new EventSchemas();

    private ObjectNode envelope() throws Exception {
        return (ObjectNode) mapper.readTree("""
                {"specversion": "1.0", "id": "0b7f4ad6-9f4b-4c2e-9d0e-2b1f7c7f0a11", "type": "TestHappened",
                 "source": "/test-service", "subject": "072006", "time": "2026-11-23T05:00:00Z",
                 "datacontenttype": "application/json", "dataschema": "urn:fondicasa:event:TestHappened:v1",
                 "schemaversion": 1, "data": {"amount": "10.00"}}""");
    }

    @Test
    void aWellFormedEnvelopeOfAnUnknownTypeFailsOnlyForTheMissingDataSchema() throws Exception {
        assertThat(schemas.validate(envelope())).singleElement().asString().startsWith("no schema for event type TestHappened");
    }

    @Test
    void theEnvelopeAloneIsCheckedWhateverTheData() throws Exception {
        assertThat(schemas.validateEnvelope(envelope())).isEmpty();
        ObjectNode bad = envelope();
        bad.remove("id");
        assertThat(schemas.validateEnvelope(bad)).isNotEmpty();
    }

    @Test
    void everyTypesDataSchemaComesFromTheContracts() throws Exception {
        ObjectNode split = envelope();
        split.put("type", "SplitPublished");
        split.put("dataschema", "urn:fondicasa:event:SplitPublished:v1");
        assertThat(schemas.validate(split)).isNotEmpty().allSatisfy(m -> assertThat(m).startsWith("data: "));
    }

    @Test
    void envelopeViolationsAreListed() throws Exception {
        ObjectNode bad = envelope();
        bad.put("subject", "72006");
        bad.put("specversion", "0.3");
        bad.remove("id");
        bad.put("extra", true);
        assertThat(schemas.validate(bad)).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void schemaPathsFollowTypeAndVersion() {
        assertThat(EventSchemas.dataSchemaPath("FundCreated", 1)).isEqualTo("events/schemas/FundCreated.v1.json");
        assertThat(EventEnvelope.schemaUri("FundCreated", 2)).isEqualTo("urn:fondicasa:event:FundCreated:v2");
    }
}
