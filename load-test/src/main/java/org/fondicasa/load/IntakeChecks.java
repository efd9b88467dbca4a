package org.fondicasa.load;

import org.fondicasa.load.ApplicationServiceContract.Funding;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * After the burst: nothing lost, nothing counted twice, nothing over-committed, money in receipt order. Reads the
 * service's database directly (JDBC) and its funding status (REST); what it reads is in
 * {@link ApplicationServiceContract}. A check that cannot even run fails, saying why, and the others still run.
 */
final class IntakeChecks {

    record Check(String name, boolean passed, String detail) {
    }

    /** What the checks found, for the results. */
    record Outcome(List<Check> checks, Funding funding, Double settledSeconds, Map<String, Long> statuses) {
        boolean passed() {
            return checks.stream().allMatch(Check::passed);
        }
    }

    private final DurablePostgres postgres;
    private final Http http;
    private final Supplier<String> officerToken;

    IntakeChecks(DurablePostgres postgres, Http http, Supplier<String> officerToken) {
        this.postgres = postgres;
        this.http = http;
        this.officerToken = officerToken;
    }

    Outcome run(String callId, HttpDriver.Result burst, Duration fundingTimeout) {
        List<Check> checks = new ArrayList<>();
        int accepted = burst.count(ApplicationServiceContract.APPLICATION_ACCEPTED);

        // what the 201 answers say
        Set<String> protocols = new HashSet<>();
        int unreadable = 0;
        String firstUnreadable = null;
        for (int i = 0; i < burst.requests(); i++) {
            if (burst.status()[i] == ApplicationServiceContract.APPLICATION_ACCEPTED) {
                try {
                    protocols.add(ApplicationServiceContract.protocolNumber(burst.bodies()[i]));
                } catch (RuntimeException e) {
                    unreadable++;
                    firstUnreadable = firstUnreadable == null ? e.getMessage() : firstUnreadable;
                }
            }
        }
        checks.add(new Check("every 201 names a protocol number, no two the same",
                unreadable == 0 && protocols.size() == accepted,
                n(accepted) + " answers, " + n(protocols.size()) + " distinct protocol numbers"
                        + (unreadable > 0 ? ", " + n(unreadable) + " without one (" + firstUnreadable + ")" : "")));

        checks.add(check("every accepted protocol number is in the database exactly once", () -> {
            Map<String, Long> stored = protocolCounts(callId);
            long missing = protocols.stream().filter(p -> !stored.containsKey(p)).count();
            long twice = protocols.stream().filter(p -> stored.getOrDefault(p, 0L) > 1).count();
            return new Check("", missing == 0 && twice == 0, n(missing) + " missing, " + n(twice) + " stored more than once");
        }));
        checks.add(check("applications of the call in the database = 201 answers (none lost, none extra)", () -> {
            long stored = single(ApplicationServiceContract.SQL_COUNT_APPLICATIONS, callId);
            return new Check("", stored == accepted, n(stored) + " in the database, " + n(accepted) + " answered 201");
        }));
        checks.add(check("receipt numbers are unique within the call", () -> {
            long duplicates = single(ApplicationServiceContract.SQL_DUPLICATE_RECEIPTS, callId);
            return new Check("", duplicates == 0, n(duplicates) + " receipt numbers used more than once");
        }));

        // the asynchronous funding
        Funding funding = null;
        Double settledSeconds = null;
        try {
            long burstEnd = burst.startNanos() + burst.wallNanos();
            funding = awaitFunding(callId, fundingTimeout);
            if (funding.settled()) {
                settledSeconds = (System.nanoTime() - burstEnd) / 1e9;
            }
            checks.add(new Check("funding settled (nothing pending)", funding.settled(), funding.settled()
                    ? String.format(java.util.Locale.ROOT, "at most %.1f s after the burst's last answer (polled every second)", settledSeconds)
                    : n(funding.pending()) + " still pending after " + fundingTimeout.toSeconds() + " s"));
            Funding f = funding;
            checks.add(new Check("committed ≤ budget (REST)", f.committed().compareTo(f.budget()) <= 0
                    && f.budget().compareTo(ApplicationServiceContract.BUDGET) == 0,
                    "committed " + f.committed().toPlainString() + " of " + f.budget().toPlainString()));
            checks.add(new Check("the funding counts add up to the 201 answers",
                    f.applications() == accepted && f.countsTotal() == f.applications(),
                    n(f.applications()) + " applications; " + describe(f)));
        } catch (RuntimeException e) {
            checks.add(new Check("funding settled (nothing pending)", false, "could not read the funding status: " + e.getMessage()));
        }
        Funding rest = funding;
        checks.add(check("committed ≤ budget (database)", () -> {
            BigDecimal committed = decimal(ApplicationServiceContract.SQL_COMMITTED, callId);
            boolean agrees = rest == null || committed.compareTo(rest.committed()) == 0;
            return new Check("", committed.compareTo(ApplicationServiceContract.BUDGET) <= 0 && agrees,
                    "committed " + committed.toPlainString() + " of " + ApplicationServiceContract.BUDGET.toPlainString()
                            + (agrees ? "" : "; REST says " + rest.committed().toPlainString()));
        }));
        checks.add(check("funding followed receipt order (no grant after the first application left waiting)", () -> {
            long violations = single(ApplicationServiceContract.SQL_FIRST_COME_VIOLATIONS, callId);
            return new Check("", violations == 0, n(violations) + " granted after the first waiting one");
        }));

        Map<String, Long> statuses = new LinkedHashMap<>();
        try {
            statuses.putAll(groupCounts(ApplicationServiceContract.SQL_STATUS_COUNTS, callId));
        } catch (RuntimeException e) {
            statuses.put("(could not read: " + e.getMessage() + ")", 0L);
        }
        return new Outcome(checks, funding, settledSeconds, statuses);
    }

    /** Polls the funding status until nothing is pending or the time is up; the last status either way. */
    Funding awaitFunding(String callId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Funding last;
        long lastPrint = 0;
        while (true) {
            last = ApplicationServiceContract.funding(http.expect(200, "GET",
                    ApplicationServiceContract.fundingPath(callId), officerToken.get(), null));
            if (last.settled() || System.nanoTime() > deadline) {
                return last;
            }
            if (System.nanoTime() - lastPrint > 5_000_000_000L) {
                System.out.println("[load] funding: " + describe(last));
                lastPrint = System.nanoTime();
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return last;
            }
        }
    }

    private interface CheckBody {
        Check run() throws SQLException;
    }

    private static Check check(String name, CheckBody body) {
        try {
            Check c = body.run();
            return new Check(name, c.passed(), c.detail());
        } catch (SQLException | RuntimeException e) {
            return new Check(name, false, "could not run: " + e.getMessage());
        }
    }

    private Map<String, Long> protocolCounts(String callId) throws SQLException {
        return groupCounts(ApplicationServiceContract.SQL_PROTOCOL_NUMBERS, callId);
    }

    private Map<String, Long> groupCounts(String sql, String callId) {
        try (Connection c = postgres.connect(ApplicationServiceContract.DATABASE);
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(callId));
            Map<String, Long> counts = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private long single(String sql, String callId) throws SQLException {
        try (Connection c = postgres.connect(ApplicationServiceContract.DATABASE);
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(callId));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private BigDecimal decimal(String sql, String callId) throws SQLException {
        try (Connection c = postgres.connect(ApplicationServiceContract.DATABASE);
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(callId));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        }
    }

    /** The non-zero counts of a funding status, e.g. "333 granted, 49 667 waiting". */
    static String describe(Funding funding) {
        String counts = funding.counts().entrySet().stream().filter(e -> e.getValue() != 0)
                .map(e -> n(e.getValue()) + " " + e.getKey()).collect(java.util.stream.Collectors.joining(", "));
        return counts.isEmpty() ? "no applications" : counts;
    }

    private static String n(long value) {
        return Machine.formatInt(value);
    }
}
