package org.fondicasa.application.budget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fondicasa.platform.security.Caller;
import org.fondicasa.platform.web.Problem;
import org.fondicasa.platform.web.ProblemException;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Asks allocation-service, the owner of every fund's money, to reserve a call's budget from the municipality's sources
 * (or give it back when the call could not be stored). It asks with the caller's own token, so allocation-service
 * applies its own tenancy rules to the same person. Its refusals reach the caller as they were made: 409 names the
 * source and what it has available.
 */
@ApplicationScoped
public class AllocationClient {

    private static final Logger LOG = Logger.getLogger(AllocationClient.class);

    /** One source's money as allocation-service reserved it for the call, in spending order. */
    public record Reserved(int position, String fundCode, String source, BigDecimal amount, String legalRef) {
    }

    private final ObjectMapper mapper;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public AllocationClient(ObjectMapper mapper, @ConfigProperty(name = "fondicasa.allocation.url") String baseUrl) {
        this.mapper = mapper;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Reserves the lines (source, amount or null for everything available), all or none. */
    public List<Reserved> reserve(Caller caller, String fundCode, String istatCode, UUID callId, String legalAct,
                                  List<String> sources, List<BigDecimal> amounts) {
        ObjectNode body = mapper.createObjectNode().put("callId", callId.toString()).put("legalAct", legalAct);
        ArrayNode lines = body.putArray("lines");
        for (int i = 0; i < sources.size(); i++) {
            ObjectNode line = lines.addObject().put("source", sources.get(i));
            if (amounts.get(i) != null) {
                line.put("amount", amounts.get(i));
            }
        }
        JsonNode answer = send(token(caller), "POST", reservations(fundCode, istatCode), body);
        List<Reserved> reserved = new ArrayList<>();
        answer.path("lines").forEach(l -> reserved.add(line(l)));
        return reserved;
    }

    public Reserved topUp(Caller caller, String fundCode, String istatCode, UUID callId, UUID topUpId, String source,
                          BigDecimal amount, String legalRef) {
        ObjectNode body = mapper.createObjectNode().put("topUpId", topUpId.toString()).put("source", source)
                .put("amount", amount).put("legalRef", legalRef);
        return line(send(token(caller), "POST", reservations(fundCode, istatCode) + "/" + callId + "/top-ups", body));
    }

    /** Gives back a reservation whose call was not stored; a failure is logged (the reservation stays visible as HELD). */
    public void withdraw(String token, String fundCode, String istatCode, UUID callId) {
        try {
            send(token, "DELETE", reservations(fundCode, istatCode) + "/" + callId, null);
        } catch (RuntimeException e) {
            LOG.errorf("Reservation of call %s (fund %s, municipality %s) could not be withdrawn: %s; it stays HELD and "
                    + "DELETE %s gives it back", callId, fundCode, istatCode, e.getMessage(), reservations(fundCode, istatCode) + "/" + callId);
        }
    }

    private Reserved line(JsonNode l) {
        return new Reserved(l.path("position").asInt(), l.path("fundCode").asText(), l.path("source").asText(),
                l.path("amount").decimalValue().setScale(2), l.path("legalRef").asText());
    }

    private String reservations(String fundCode, String istatCode) {
        return baseUrl + "/funds/" + URLEncoder.encode(fundCode, StandardCharsets.UTF_8) + "/municipalities/"
                + URLEncoder.encode(istatCode, StandardCharsets.UTF_8) + "/reservations";
    }

    /** The caller's token, to ask allocation-service on their behalf. */
    public static String token(Caller caller) {
        return caller.bearerToken().orElseThrow(() -> ProblemException.forbidden("A fund's money is reserved on behalf of a signed-in person"));
    }

    private JsonNode send(String token, String method, String url, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unavailable(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            try {
                return response.body().isEmpty() ? mapper.createObjectNode() : mapper.readTree(response.body());
            } catch (IOException e) {
                throw unavailable("unreadable answer: " + e.getMessage());
            }
        }
        if (status >= 400 && status < 500) {
            throw relayed(status, response.body());
        }
        throw unavailable("answered " + status);
    }

    /** allocation-service's refusal, as it said it: the caller can act on it (another source, a smaller amount). */
    private ProblemException relayed(int status, String body) {
        try {
            JsonNode problem = mapper.readTree(body);
            String type = problem.path("type").asText("");
            List<Problem.Violation> violations = new ArrayList<>();
            problem.path("violations").forEach(v -> violations.add(new Problem.Violation("budget: " + v.path("field").asText(),
                    v.path("message").asText())));
            return new ProblemException(status, type.substring(type.lastIndexOf('/') + 1).isEmpty() ? "allocation-refused"
                    : type.substring(type.lastIndexOf('/') + 1), problem.path("title").asText("allocation-service refused"),
                    "allocation-service: " + problem.path("detail").asText(""), violations);
        } catch (IOException | RuntimeException e) {
            return new ProblemException(status, "allocation-refused", "allocation-service refused", body, List.of());
        }
    }

    private static ProblemException unavailable(String why) {
        return new ProblemException(503, "allocation-unavailable", "The fund's money cannot be reserved now",
                "allocation-service, which holds the fund's money, did not answer (" + why + "); nothing was reserved, try again",
                List.of());
    }
}
