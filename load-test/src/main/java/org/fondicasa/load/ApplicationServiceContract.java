package org.fondicasa.load;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fondicasa.platform.time.RomeTime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Everything the load generator assumes about application-service's calls and applications API and its tables, in
 * one place: paths, request bodies, what is read from the answers, and the SQL of the correctness checks. When the
 * API changes, this is the only class to change.
 */
public final class ApplicationServiceContract {

    /** Decimals stay decimals: money read from a JSON number is compared to the cent. */
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    // ---- the call -------------------------------------------------------------------------------------------------

    /** The call kind of the burst: a first-come (a sportello) social microcredit call. */
    public static final String CALL_KIND = "SOCIAL_MICROCREDIT";
    /** Any authenticated role; answers {@code {"kind":…,"rules":{…},…}}, whose {@code rules} go into the call as they are. */
    public static final String CALL_TEMPLATE_PATH = "/call-templates/" + CALL_KIND;
    /** Region officer; answers 201 {@code {"id":"<uuid>",…}}. */
    public static final String CALLS_PATH = "/calls";
    public static final int CALL_CREATED = 201;
    /** Call times are local date-times in this zone. */
    public static final ZoneId CALL_ZONE = RomeTime.ZONE;
    public static final BigDecimal BUDGET = new BigDecimal("1000000.00");
    public static final String BUDGET_SOURCE = "REGIONAL";

    // ---- the application ------------------------------------------------------------------------------------------

    /** Citizen (role citizen, claim fiscal_number = TINIT-&lt;code&gt;); answers 201 {@code {"protocolNumber":…,"callId":…,"receivedAt":…,"placeInLine":…,"status":…}}. */
    public static String applicationsPath(String callId) {
        return CALLS_PATH + "/" + callId + "/applications";
    }

    public static final int APPLICATION_ACCEPTED = 201;
    public static final BigDecimal REQUESTED_AMOUNT = new BigDecimal("3000.00");

    // ---- the funding status ---------------------------------------------------------------------------------------

    /**
     * Region officer; {@code {"budget","committed","applications","pending",…}} and a count per other status
     * ({@code "granted","waiting","notEligible",…}); pending = not yet decided by the asynchronous funding worker.
     */
    public static String fundingPath(String callId) {
        return CALLS_PATH + "/" + callId + "/funding";
    }

    /** What the driver check (-Dload.mode=driver-check) sends instead of applications: answers the caller's fiscal code. */
    public static final String DRIVER_CHECK_PATH = "/me";

    // ---- the database: what the checks read, by JDBC on the service's own database --------------------------------

    public static final String DATABASE = "application";
    /** Application statuses that hold money of the call (a loan is granted whole or not at all, a rent contribution may be partial). */
    public static final List<String> FUNDED_STATUSES = List.of("GRANTED", "PARTIALLY_GRANTED", "PAID");
    /** The status of an eligible application the money did not reach: in a first-come call, everyone after it waits too. */
    public static final String STATUS_WAITING = "WAITING";
    /** Award statuses that commit money (a REVOKED award gives it back). */
    public static final List<String> COMMITTING_AWARD_STATUSES = List.of("GRANTED", "PAID");

    /** Parameter: call id (uuid). One row: how many applications the call has. */
    public static final String SQL_COUNT_APPLICATIONS =
            "select count(*) from application.application where call_id = ?";
    /** Parameter: call id. Every protocol number of the call with how many rows carry it. */
    public static final String SQL_PROTOCOL_NUMBERS =
            "select protocol_number, count(*) from application.application where call_id = ? group by protocol_number";
    /** Parameter: call id. Applications of the call by status (for the results, and to compare with the REST counts). */
    public static final String SQL_STATUS_COUNTS =
            "select status, count(*) from application.application where call_id = ? group by status order by status";
    /** Parameter: call id. One row: the money committed to the call's granted applications. */
    public static final String SQL_COMMITTED =
            "select coalesce(sum(amount), 0) from application.award where call_id = ? and status in " + sqlList(COMMITTING_AWARD_STATUSES);
    /**
     * Parameter: call id. One row: funded applications received after the first one left waiting for money. In a
     * strict first-come call this is 0: money goes in receipt order and stops at the first application it does not
     * cover, and everyone after that one waits too.
     */
    public static final String SQL_FIRST_COME_VIOLATIONS = """
            select count(*) from application.application g
             where g.call_id = ? and g.status in %s
               and g.receipt_seq > (select min(w.receipt_seq) from application.application w
                                     where w.call_id = g.call_id and w.status = '%s')""".formatted(sqlList(FUNDED_STATUSES), STATUS_WAITING);
    /** Parameter: call id. One row: receipt numbers that are not unique within the call (0 expected). */
    public static final String SQL_DUPLICATE_RECEIPTS = """
            select count(*) from (select receipt_seq from application.application where call_id = ?
                                   group by receipt_seq having count(*) > 1) d""";

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    private ApplicationServiceContract() {
    }

    /** The {@code rules} of the call template, to put into the call as they are. */
    public static JsonNode rules(String templateJson) {
        JsonNode rules = read(templateJson).get("rules");
        if (rules == null || !rules.isObject()) {
            throw new IllegalStateException("the call template has no rules object: " + templateJson);
        }
        return rules;
    }

    /** A call open since a minute ago and for a day, in the call zone, with the whole budget from one source. */
    public static String callBody(JsonNode rules, String title, LocalDateTime now) {
        LocalDateTime opensAt = now.minusMinutes(1).truncatedTo(ChronoUnit.SECONDS);
        LocalDateTime closesAt = now.plusDays(1).truncatedTo(ChronoUnit.SECONDS);
        ObjectNode call = JSON.createObjectNode();
        call.put("kind", CALL_KIND);
        call.put("title", title);
        call.put("legalAct", "DGR load test");
        call.putNull("istatCode");
        call.put("opensAt", LOCAL.format(opensAt));
        call.put("closesAt", LOCAL.format(closesAt));
        ArrayNode budget = call.putArray("budget");
        budget.addObject().put("source", BUDGET_SOURCE).put("amount", BUDGET.toPlainString()).put("legalRef", "DGR load test, art. 1");
        call.set("rules", rules);
        return write(call);
    }

    public static String callId(String createdJson) {
        return text(read(createdJson), "id");
    }

    /** One applicant alone, with everything a social microcredit application needs, for the given fiscal code. */
    public static String applicationBody(String fiscalCode) {
        ObjectNode application = JSON.createObjectNode();
        application.putArray("household").addObject().put("fiscalCode", fiscalCode).put("role", "APPLICANT");
        application.put("isee", "12000.00");
        application.put("residentInPugliaSince", "2015-03-01");
        application.putObject("declarations").put("VULNERABILITY_JOB_LOSS", true);
        application.put("requestedAmount", REQUESTED_AMOUNT.toPlainString());
        application.put("purpose", "Arretrati del canone di locazione e deposito cauzionale per il nuovo contratto");
        application.put("iban", "IT60X0542811101000000123456");
        application.putArray("documents").add("ID_DOCUMENT").add("ISEE_CERTIFICATE");
        return write(application);
    }

    public static String protocolNumber(String acceptedJson) {
        return text(read(acceptedJson), "protocolNumber");
    }

    /** The fiscal code the driver-check endpoint answers for the caller. */
    public static String driverCheckFiscalCode(String json) {
        JsonNode code = read(json).get("fiscalCode");
        return code == null || code.isNull() ? null : code.asText();
    }

    /**
     * The call's funding status. {@code counts} has every count of the answer but {@code applications}, by field name
     * (granted, waiting, notEligible, pending, …): together they must make up the applications.
     */
    public record Funding(BigDecimal budget, BigDecimal committed, long applications, long pending,
                          Map<String, Long> counts) {
        /** Nothing left for the asynchronous funding worker to decide. */
        public boolean settled() {
            return pending == 0;
        }

        public long count(String field) {
            return counts.getOrDefault(field, 0L);
        }

        public long countsTotal() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Fields of the funding status that are not a count of applications by status (money may read as a whole number). */
    private static final java.util.Set<String> NOT_STATUS_COUNTS = java.util.Set.of("applications", "budget", "committed", "available");

    public static Funding funding(String json) {
        JsonNode node = read(json);
        Map<String, Long> counts = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> {
            if (field.getValue().isIntegralNumber() && !NOT_STATUS_COUNTS.contains(field.getKey())) {
                counts.put(field.getKey(), field.getValue().asLong());
            }
        });
        return new Funding(decimal(node, "budget"), decimal(node, "committed"), number(node, "applications"),
                number(node, "pending"), counts);
    }

    private static String sqlList(List<String> values) {
        return values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", ", "(", ")"));
    }

    // ---- JSON helpers ---------------------------------------------------------------------------------------------

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + abbreviate(json), e);
        }
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalStateException("no " + field + " in " + abbreviate(node.toString()));
        }
        return value.asText();
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalStateException("no " + field + " in " + abbreviate(node.toString()));
        }
        return value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText());
    }

    private static long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToLong()) {
            throw new IllegalStateException("no number " + field + " in " + abbreviate(node.toString()));
        }
        return value.asLong();
    }

    static String abbreviate(String text) {
        return text == null ? "null" : text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
