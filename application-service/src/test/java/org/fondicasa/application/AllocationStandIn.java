package org.fondicasa.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for allocation-service's reservation API in this module's tests, which run application-service alone:
 * it holds what a test says each source holds, reserves from it and refuses beyond it, as the real owner does. The
 * real owner, with its locks and events, is tested in allocation-service and, with this service, in deploy/local's
 * cross-service tests.
 */
public class AllocationStandIn implements QuarkusTestResourceLifecycleManager {

    private static final Map<String, BigDecimal> AVAILABLE = new ConcurrentHashMap<>();
    private static final Map<String, BigDecimal> DECLARED = new ConcurrentHashMap<>();
    private static final Map<String, List<String[]>> RESERVED = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpServer server;

    /** The source (fund, municipality, kind) holds {@code amount} available for calls. */
    public static void holds(String fund, String istat, String source, String amount) {
        AVAILABLE.put(fund + "/" + istat + "/" + source, new BigDecimal(amount));
        DECLARED.put(fund + "/" + istat + "/" + source, new BigDecimal(amount));
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/funds/", this::handle);
        server.start();
        return Map.of("fondicasa.allocation.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        server.stop(0);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().split("/"); // "", funds, F, municipalities, I, reservations, [call, top-ups]
        if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
            answer(exchange, 401, JSON.createObjectNode().put("title", "no token"));
            return;
        }
        String fund = path[2];
        String istat = path[4];
        if ("DELETE".equals(exchange.getRequestMethod())) {
            RESERVED.getOrDefault(path[6], List.of()).forEach(r -> AVAILABLE.merge(r[0], new BigDecimal(r[1]), BigDecimal::add));
            RESERVED.remove(path[6]);
            answer(exchange, 204, null);
            return;
        }
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        boolean topUp = path.length > 7;
        List<JsonNode> lines = new ArrayList<>();
        if (topUp) {
            lines.add(body);
        } else {
            body.path("lines").forEach(lines::add);
        }
        ArrayNode answered = JSON.createArrayNode();
        List<String[]> taken = new ArrayList<>();
        for (JsonNode line : lines) {
            String key = fund + "/" + istat + "/" + line.path("source").asText();
            BigDecimal available = AVAILABLE.get(key);
            if (available == null) {
                answer(exchange, 422, problem("unknown-source", "municipality " + istat + " declared no " + line.path("source").asText()));
                return;
            }
            BigDecimal amount = line.hasNonNull("amount") ? line.get("amount").decimalValue() : available;
            if (!line.hasNonNull("amount") && DECLARED.get(key).signum() == 0) {
                continue; // declared as zero: adds nothing
            }
            if (amount.signum() <= 0 || amount.compareTo(available) > 0) {
                answer(exchange, 409, problem("insufficient-funds", line.path("source").asText() + " of fund " + fund
                        + " for municipality " + istat + " has " + available.toPlainString() + " available"));
                return;
            }
            taken.add(new String[] {key, amount.toPlainString()});
            answered.addObject().put("position", answered.size()).put("fundCode", fund).put("source", line.path("source").asText())
                    .put("amount", amount.setScale(2)).put("legalRef", line.path("source").asText() + " of fund " + fund + " (stand-in)");
        }
        if (taken.isEmpty()) {
            answer(exchange, 409, problem("insufficient-funds", "every source was declared as 0.00"));
            return;
        }
        taken.forEach(t -> AVAILABLE.merge(t[0], new BigDecimal(t[1]).negate(), BigDecimal::add));
        String call = topUp ? path[6] : body.path("callId").asText();
        RESERVED.computeIfAbsent(call, c -> new ArrayList<>()).addAll(taken);
        if (topUp) {
            answer(exchange, 201, answered.get(0));
        } else {
            ObjectNode reservation = JSON.createObjectNode().put("callId", call).put("state", "HELD");
            reservation.set("lines", answered);
            answer(exchange, 201, reservation);
        }
    }

    private static ObjectNode problem(String slug, String detail) {
        return JSON.createObjectNode().put("type", "https://fondicasa.example/problems/" + slug).put("title", slug).put("detail", detail);
    }

    private static void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body == null ? -1 : bytes.length);
        if (body != null) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
