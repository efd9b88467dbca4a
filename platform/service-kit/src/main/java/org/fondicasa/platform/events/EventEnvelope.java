package org.fondicasa.platform.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;

/**
 * The one shape of every event on every topic, after CloudEvents 1.0 (structured JSON mode).
 * {@code subject} is the municipality ISTAT code when the event concerns one; {@code schemaversion}
 * selects the JSON Schema of {@code data} ({@code events/schemas/<type>.v<schemaversion>.json}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventEnvelope(
        String specversion,
        String id,
        String type,
        String source,
        String subject,
        OffsetDateTime time,
        String datacontenttype,
        String dataschema,
        int schemaversion,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";

    public static String schemaUri(String type, int version) {
        return "urn:fondicasa:event:" + type + ":v" + version;
    }
}
