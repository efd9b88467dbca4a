package org.fondicasa.application.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The rule sets of the source documents (src/main/resources/call-templates, one per kind, each naming its act and
 * source), offered as a starting point: a call copies them and changes what its own act says.
 */
@ApplicationScoped
public class CallTemplates {

    private final Map<CallKind, JsonNode> templates = new EnumMap<>(CallKind.class);

    public CallTemplates(ObjectMapper mapper) {
        for (CallKind kind : CallKind.values()) {
            try (InputStream in = CallTemplates.class.getResourceAsStream("/call-templates/" + kind + ".json")) {
                templates.put(kind, mapper.readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException("call template " + kind, e);
            }
        }
    }

    public JsonNode template(CallKind kind) {
        return templates.get(kind).deepCopy();
    }
}
