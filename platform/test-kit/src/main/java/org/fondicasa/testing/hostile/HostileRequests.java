package org.fondicasa.testing.hostile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Malformed requests for one endpoint: a plausible body built from its schema (or an example the test gives), then
 * broken one way at a time, in its body, headers, path or query. The same seed gives the same requests.
 */
public final class HostileRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static final List<String> CONTROL = List.of("\u0000", "\u0001", "\u0008", "\u000b", "\u001b", "\u001f", "\u007f", "\u0085", "\ud800", "\udfff\ud800");
    static final List<String> NUMBERS = List.of("1E+1000000000", "-1E+1000000000", "1E-1000000000", "1e309", "-1e309",
            "123456789012345678901234567890.123", "0.0000000000000000000000001", "-0", "-0.01", "1.005", "9223372036854775808",
            "-9223372036854775809", "1" + "0".repeat(2000), "0." + "0".repeat(2000) + "1", "1E+2147483648", "4.9E-324");
    static final List<String> DATES = List.of("+300000-01-01T00:00:00", "-999999999-01-01T00:00:00", "+999999999-12-31",
            "0000-01-01", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999+18:00", "2026-02-30", "2026-13-01T00:00:00",
            "2026-01-01T25:00:00", "2026-01-01T00:00:00+25:00", "1900-01-01", "2026-1-1", "20260101", "\u0000", "");
    static final List<String> WORDS = List.of("", " ", "x".repeat(100_000), "'; drop table fund; --", "<script>alert(1)</script>",
            "\u202e\u202d", "\ufeff", "null", "NaN", "Infinity", "../../etc/passwd", "%00", "\\u0000", "ZZZZZZ99Z99Z999Z",
            "\uffff", "\ud83d\ude00".repeat(1000));
    static final List<String> PATH_SEGMENTS = List.of("%ZZ", "%", "%0", "%00", "a%00b", "%C3%28", "%FF%FE", "%2F", "..%2F..%2F",
            "%2e%2e", "a".repeat(10_000), "%C3%BC", "%20", "-1", "0", "999999", "1E%2B1000000000", "%E2%80%AE", "%3Cx%3E", "null",
            "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-fffffffffffff");
    static final List<String> CONTENT_TYPES = List.of("garbage", "", ";", "/", "application/", "text/plain", "application/xml",
            "application/json; charset=klingon", "application/json; charset=UTF-16", "application/json; charset=\"",
            "application/json;;;", "application/json; boundary", "multipart/form-data; boundary=x",
            "application/x-www-form-urlencoded", "text/csv", "application/json, text/plain", "*/*", "application/*",
            "APPLICATION/JSON", "application/json; charset=iso-8859-1", "application/problem+json", "\u00e9/\u00e9");
    static final List<String> ACCEPTS = List.of("text/html", "garbage", "application/xml", "*/*;q=x", "image/png, */*;q=0",
            "application/json;q=0", ";;;", "");
    static final List<String> AUTHORIZATIONS = List.of("Bearer", "Bearer ", "Bearer a.b.c", "Basic Zm9vOmJhcg==",
            "Bearer " + "a".repeat(20_000), "Negotiate x", "Bearer \u00e9\u00e8");

    private final Endpoint endpoint;
    private final Map<String, String> pathValues;
    private final String authorization;
    private final JsonNode sample;
    private final Random random;

    /**
     * @param pathValues a real value for every path parameter, one the caller may act on, so that the body is what
     *                   is tested and not the tenancy
     * @param example    a valid body for this endpoint, or null to build one from the schema
     */
    public HostileRequests(Endpoint endpoint, Map<String, String> pathValues, String token, JsonNode example, long seed) {
        this.endpoint = endpoint;
        this.pathValues = Map.copyOf(pathValues);
        this.authorization = token == null ? null : "Bearer " + token;
        this.sample = example != null ? example : endpoint.requestSchema() == null ? null : Samples.of(endpoint.requestSchema());
        this.random = new Random(seed ^ endpoint.toString().hashCode());
    }

    /** The sample request itself, unbroken: a baseline that must not fail either. */
    public HostileRequest baseline() {
        return request("baseline", target(Map.of(), ""), body(sample));
    }

    /**
     * The cases a hostile client once found (issue #13), each applied wherever it fits this endpoint. Every run
     * sends them all.
     */
    public List<HostileRequest> knownCases() {
        List<HostileRequest> cases = new ArrayList<>();
        String target = target(Map.of(), "");
        if (sample != null) {
            String firstField = firstField(sample);
            if (firstField != null) {
                cases.add(request("known: duplicate key " + firstField, target, duplicateKey(sample, firstField, "false")));
            }
            cases.add(request("known: duplicate key with the same value", target, duplicateKey(sample, "amount", "\"10.00\"")));
            for (String path : leafPaths(sample)) {
                cases.add(request("known: NUL in " + path, target, body(replace(sample, path, NODES.textNode("a\u0000b")))));
                cases.add(request("known: exponent 1E+1000000000 in " + path, target,
                        rawAt(sample, path, "1E+1000000000")));
                cases.add(request("known: exponent 1E-1000000000 in " + path, target,
                        rawAt(sample, path, "1E-1000000000")));
                // found by the running-system run: an exponent beyond int range fails in the parser, not the mapper
                cases.add(request("known: exponent 1E+2147483648 in " + path, target,
                        rawAt(sample, path, "1E+2147483648")));
                cases.add(request("known: year +300000 in " + path, target,
                        body(replace(sample, path, NODES.textNode("+300000-01-01T00:00:00")))));
            }
        }
        if (endpoint.writes()) {
            cases.add(request("known: Content-Type garbage", target, body(sample)).withHeader("Content-Type", "garbage"));
        }
        for (Endpoint.Parameter p : endpoint.pathParameters()) {
            cases.add(request("known: NUL in path {" + p.name() + "}", target(Map.of(p.name(), "%00"), ""), body(sample)));
            cases.add(request("known: undecodable path {" + p.name() + "}", target(Map.of(p.name(), "%ZZ"), ""), body(sample)));
            cases.add(request("known: unknown {" + p.name() + "} 999999", target(Map.of(p.name(), "999999"), ""), body(sample)));
        }
        for (Endpoint.Parameter q : endpoint.queryParameters()) {
            cases.add(request("known: query " + q.name() + "=abc", target(Map.of(), q.name() + "=abc"), body(sample)));
        }
        return cases;
    }

    /** One random malformed request. */
    public HostileRequest next() {
        List<Function<Random, HostileRequest>> kinds = new ArrayList<>();
        if (sample != null) {
            kinds.addAll(List.of(this::badLeaf, this::badLeaf, this::badLeaf, this::badStructure, this::badStructure, this::badBytes));
        }
        if (endpoint.consumes().contains("text/csv")) {
            kinds.add(this::badCsv);
        }
        kinds.add(this::badHeader);
        if (!endpoint.pathParameters().isEmpty()) {
            kinds.add(this::badPath);
        }
        kinds.add(this::badQuery);
        return kinds.get(random.nextInt(kinds.size())).apply(random);
    }

    private HostileRequest badLeaf(Random r) {
        List<String> leaves = leafPaths(sample);
        if (leaves.isEmpty()) {
            return badStructure(r);
        }
        String path = pick(r, leaves);
        int kind = r.nextInt(6);
        return switch (kind) {
            case 0 -> {
                String control = pick(r, CONTROL);
                yield request("body: control character U+" + hex(control) + " in " + path, target(Map.of(), ""),
                        body(replace(sample, path, NODES.textNode("a" + control + "b"))));
            }
            case 1 -> {
                String number = pick(r, NUMBERS);
                yield request("body: number " + abbreviate(number) + " in " + path, target(Map.of(), ""), rawAt(sample, path, number));
            }
            case 2 -> {
                String date = pick(r, DATES);
                yield request("body: date " + abbreviate(date) + " in " + path, target(Map.of(), ""),
                        body(replace(sample, path, NODES.textNode(date))));
            }
            case 3 -> {
                String word = pick(r, WORDS);
                yield request("body: text " + abbreviate(word) + " in " + path, target(Map.of(), ""),
                        body(replace(sample, path, NODES.textNode(word))));
            }
            case 4 -> {
                String raw = pick(r, List.of("null", "true", "[]", "{}", "[null]", "{\"a\":1}", "\"\"", "0", "[" .repeat(5000) + "]".repeat(5000),
                        "{\"a\":".repeat(3000) + "1" + "}".repeat(3000), "[" + "1,".repeat(50_000) + "1]"));
                yield request("body: " + abbreviate(raw) + " in " + path, target(Map.of(), ""), rawAt(sample, path, raw));
            }
            default -> request("body: " + path + " left out", target(Map.of(), ""), body(remove(sample, path)));
        };
    }

    private HostileRequest badStructure(Random r) {
        String target = target(Map.of(), "");
        String serialized = new String(body(sample), StandardCharsets.UTF_8);
        int kind = r.nextInt(9);
        return switch (kind) {
            case 0 -> {
                String field = sample.isObject() && sample.size() > 0 ? pick(r, fieldNames(sample)) : "x";
                yield request("body: duplicate key " + field, target, duplicateKey(sample, field, pick(r, List.of("false", "null", "\"x\"", "1", "[]"))));
            }
            case 1 -> {
                int cut = serialized.isEmpty() ? 0 : r.nextInt(serialized.length());
                yield request("body: cut at " + cut, target, serialized.substring(0, cut).getBytes(StandardCharsets.UTF_8));
            }
            case 2 -> request("body: unknown field", target, body(withField(sample, "unexpected" + r.nextInt(9), NODES.textNode("x"))));
            case 3 -> {
                String top = pick(r, List.of("", " ", "null", "[]", "[{}]", "\"x\"", "1", "true", "{}", "{", "}", "[", "\ufeff{}", "{}{}", "{} x", "{\"\":1}"));
                yield request("body: top level " + abbreviate(top), target, top.getBytes(StandardCharsets.UTF_8));
            }
            case 4 -> request("body: behind a byte-order mark", target, concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, body(sample)));
            case 5 -> request("body: deeply nested", target, ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8));
            case 6 -> request("body: UTF-16", target, serialized.getBytes(StandardCharsets.UTF_16));
            case 7 -> request("body: comments and single quotes", target,
                    ("/* x */ " + serialized.replace('"', '\'')).getBytes(StandardCharsets.UTF_8));
            default -> request("body: huge", target, ("{\"a\":\"" + "x".repeat(3_000_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        };
    }

    private HostileRequest badBytes(Random r) {
        byte[] serialized = body(sample);
        byte[] broken = serialized.clone();
        int flips = 1 + r.nextInt(3);
        for (int i = 0; i < flips && broken.length > 0; i++) {
            broken[r.nextInt(broken.length)] = (byte) (int) pick(r, List.of(0x00, 0x80, 0xC3, 0xFF, 0xFE, 0xED, 0xA0, 0x22, 0x5C, 0x7B));
        }
        return request("body: bytes changed", target(Map.of(), ""), broken);
    }

    private HostileRequest badCsv(Random r) {
        StringBuilder csv = new StringBuilder(pick(r, List.of("", "istatCode;need\n", "a,b,c\n", "\ufeffistat_code,need\n")));
        for (int i = 0; i < r.nextInt(5); i++) {
            csv.append(pick(r, List.of("072006", "999999", "\u0000", "", "x")).replace("\u0000", "\u0000"))
                    .append(pick(r, List.of(";", ",", "\t", "")))
                    .append(pick(r, NUMBERS)).append(pick(r, List.of("\n", "\r\n", "\r", "\"")));
        }
        return request("csv: malformed", target(Map.of(), ""), csv.toString().getBytes(StandardCharsets.UTF_8))
                .withHeader("Content-Type", "text/csv");
    }

    private HostileRequest badHeader(Random r) {
        HostileRequest plain = request("", target(Map.of(), ""), body(sample));
        return switch (r.nextInt(4)) {
            case 0, 1 -> {
                String type = pick(r, CONTENT_TYPES);
                yield plain.withHeader("Content-Type", type).named("header: Content-Type " + abbreviate(type));
            }
            case 2 -> {
                String accept = pick(r, ACCEPTS);
                yield plain.withHeader("Accept", accept).named("header: Accept " + abbreviate(accept));
            }
            default -> {
                String auth = pick(r, AUTHORIZATIONS);
                yield plain.withHeader("Authorization", auth).named("header: Authorization " + abbreviate(auth));
            }
        };
    }

    private HostileRequest badPath(Random r) {
        Endpoint.Parameter p = pick(r, endpoint.pathParameters());
        String value = pick(r, PATH_SEGMENTS);
        return request("path: {" + p.name() + "} = " + abbreviate(value), target(Map.of(p.name(), value), ""), body(sample));
    }

    private HostileRequest badQuery(Random r) {
        List<String> names = new ArrayList<>(endpoint.queryParameters().stream().map(Endpoint.Parameter::name).toList());
        names.add("unexpected");
        String name = pick(r, names);
        String value = pick(r, List.of("abc", "%ZZ", "%00", "", "%C3%28", "-1", "1E%2B1000000000", "a".repeat(5_000), "%26%3D"));
        String query = pick(r, List.of(name + "=" + value, name, name + "=" + value + "&" + name + "=x", "=", "&&&", "%ZZ=1"));
        return request("query: " + abbreviate(query), target(Map.of(), query), body(sample));
    }

    private HostileRequest request(String name, String target, byte[] body) {
        List<RawHttp.Header> headers = new ArrayList<>();
        if (authorization != null) {
            headers.add(new RawHttp.Header("Authorization", authorization));
        }
        headers.add(new RawHttp.Header("Accept", "application/json, application/problem+json"));
        if (body.length > 0 || endpoint.writes()) {
            String type = endpoint.consumes().isEmpty() ? "application/json" : endpoint.consumes().get(0);
            headers.add(new RawHttp.Header("Content-Type", type));
        }
        return new HostileRequest(name, endpoint.method(), target, List.copyOf(headers), body);
    }

    private String target(Map<String, String> override, String query) {
        String path = endpoint.path();
        for (Endpoint.Parameter p : endpoint.pathParameters()) {
            String value = override.containsKey(p.name()) ? override.get(p.name())
                    : URLEncoder.encode(pathValues.getOrDefault(p.name(), "x"), StandardCharsets.UTF_8);
            path = path.replace("{" + p.name() + "}", value);
        }
        return query.isEmpty() ? path : path + "?" + query;
    }

    // --- JSON helpers: paths are dot-separated field names and [i] indexes, as in "$.lines[0].amount"

    private static List<String> leafPaths(JsonNode node) {
        List<String> paths = new ArrayList<>();
        collect(node, "$", paths);
        return paths;
    }

    private static void collect(JsonNode node, String at, List<String> paths) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> collect(e.getValue(), at + "." + e.getKey(), paths));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), at + "[" + i + "]", paths);
            }
        } else {
            paths.add(at);
        }
    }

    private static JsonNode replace(JsonNode root, String path, JsonNode value) {
        JsonNode copy = root.deepCopy();
        if (path.equals("$")) {
            return value;
        }
        Location at = locate(copy, path);
        if (at.parent instanceof ObjectNode o) {
            o.set(at.field, value);
        } else if (at.parent instanceof ArrayNode a) {
            a.set(at.index, value);
        }
        return copy;
    }

    private static JsonNode remove(JsonNode root, String path) {
        JsonNode copy = root.deepCopy();
        if (path.equals("$")) {
            return NODES.objectNode();
        }
        Location at = locate(copy, path);
        if (at.parent instanceof ObjectNode o) {
            o.remove(at.field);
        } else if (at.parent instanceof ArrayNode a) {
            a.remove(at.index);
        }
        return copy;
    }

    private record Location(JsonNode parent, String field, int index) {
    }

    private static Location locate(JsonNode root, String path) {
        List<String> steps = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("\\.([^.\\[]+)|\\[(\\d+)]").matcher(path.substring(1));
        while (m.find()) {
            steps.add(m.group(1) != null ? m.group(1) : "#" + m.group(2));
        }
        JsonNode parent = root;
        for (int i = 0; i < steps.size() - 1; i++) {
            String s = steps.get(i);
            parent = s.startsWith("#") ? parent.get(Integer.parseInt(s.substring(1))) : parent.get(s);
        }
        String last = steps.get(steps.size() - 1);
        return last.startsWith("#") ? new Location(parent, null, Integer.parseInt(last.substring(1))) : new Location(parent, last, -1);
    }

    /** The body with the value at {@code path} replaced by raw JSON text (numbers no library would write). */
    private static byte[] rawAt(JsonNode root, String path, String raw) {
        String marker = "\u2603marker\u2603";
        String json = new String(body(replace(root, path, NODES.textNode(marker))), StandardCharsets.UTF_8);
        return json.replace("\"" + marker + "\"", raw).getBytes(StandardCharsets.UTF_8);
    }

    /** The field sent twice, as some clients do by mistake: a reader that keeps the last one hides the mistake. */
    private static byte[] duplicateKey(JsonNode root, String field, String secondValue) {
        boolean object = root != null && root.isObject();
        String json = new String(body(object ? root : NODES.objectNode()), StandardCharsets.UTF_8);
        String inner = json.substring(1, json.length() - 1);
        String duplicate = "\"" + field + "\":" + secondValue;
        String text = object && root.has(field)
                ? "{" + inner + "," + duplicate + "}"
                : "{" + duplicate + ",\"" + field + "\":true" + (inner.isEmpty() ? "" : "," + inner) + "}";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode withField(JsonNode root, String name, JsonNode value) {
        if (!root.isObject()) {
            return root;
        }
        ObjectNode copy = root.deepCopy();
        copy.set(name, value);
        return copy;
    }

    private static String firstField(JsonNode node) {
        Iterator<String> names = node.isObject() ? node.fieldNames() : List.<String>of().iterator();
        return names.hasNext() ? names.next() : null;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static byte[] body(JsonNode node) {
        if (node == null) {
            return new byte[0];
        }
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static <T> T pick(Random r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    private static String hex(String s) {
        return String.format("%04X", (int) s.charAt(0));
    }

    private static String abbreviate(String s) {
        String visible = s.replace("\u0000", "\\u0000");
        return visible.length() > 40 ? visible.substring(0, 30) + "…(" + s.length() + " chars)" : "'" + visible + "'";
    }
}
