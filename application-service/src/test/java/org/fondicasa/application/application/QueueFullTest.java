package org.fondicasa.application.application;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.fondicasa.application.call.CallKind;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fondicasa.application.fixtures.ApplicationFormBuilder.anEmergencyApplication;

/**
 * Group commit with a queue of one (issue #14, item 1): whoever finds it full is told 503 with {@code Retry-After}
 * and nothing of theirs is stored, and sending again later files them like anybody else.
 */
@QuarkusTest
@TestProfile(QueueFullTest.QueueOfOne.class)
class QueueFullTest {

    public static class QueueOfOne implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("fondicasa.application.intake.queue-capacity", "1",
                    "fondicasa.application.intake.batch-size", "1",
                    "fondicasa.application.intake.writers", "1");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource db;

    private final Fixtures f = new Fixtures();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aFullQueueIsA503WithRetryAfterThatStoresNothingAndTheRetryIsFiled() throws Exception {
        UUID call = f.create(f.tokens.operator(GroupCommitTest.CASARANO),
                Fixtures.call(CallKind.RENT_EMERGENCY, GroupCommitTest.CASARANO, -60, 3600, "5000.00", b -> { }));
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            people.add(Fixtures.fiscalCode(94_000 + i));
        }
        List<HttpResponse<String>> answers = GroupCommitTest.atOnce(http, base, call, people.stream()
                .map(p -> new GroupCommitTest.Filing(f.tokens.citizen(p), anEmergencyApplication().by(p))).toList());

        List<String> refused = new ArrayList<>();
        Set<String> filed = new HashSet<>();
        for (int i = 0; i < answers.size(); i++) {
            HttpResponse<String> a = answers.get(i);
            assertThat(a.statusCode()).as(a.body()).isIn(201, 503);
            if (a.statusCode() == 503) {
                assertThat(a.headers().firstValue("Retry-After")).contains("2");
                assertThat(a.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
                assertThat(a.body()).contains("nothing was stored");
                refused.add(people.get(i));
            } else {
                filed.add(people.get(i));
            }
        }
        assertThat(refused).as("120 at once against a queue of one").isNotEmpty();
        assertThat(applicants(call)).as("stored: exactly those answered 201").isEqualTo(filed);

        for (String person : refused) {
            HttpResponse<String> again = http.send(HttpRequest.newBuilder(base.resolve("calls/" + call + "/applications"))
                    .header("Authorization", "Bearer " + f.tokens.citizen(person)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(anEmergencyApplication().by(person).json())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        }
        assertThat(applicants(call)).hasSize(120).containsAll(people);
    }

    private Set<String> applicants(UUID call) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("select applicant_fiscal_code from application where call_id = ?")) {
            s.setObject(1, call);
            Set<String> codes = new HashSet<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    codes.add(r.getString(1));
                }
            }
            return codes;
        }
    }
}
