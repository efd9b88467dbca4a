package org.fondicasa.allocation.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.fondicasa.events.allocation.SplitPublished;
import org.fondicasa.platform.events.EventData;
import org.fondicasa.platform.events.EventSchemas;
import org.fondicasa.testing.TokenFactory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.fondicasa.allocation.fixtures.FundBuilder.aFund;

/** What allocation-service puts on Kafka: every event valid against its schema, keyed and ordered by municipality. */
@QuarkusTest
class AllocationEventsContractTest {

    private final TokenFactory tokens = TokenFactory.fromConfig();
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void everyProducedEventMatchesItsSchemaAndIsKeyedByMunicipality() throws Exception {
        String fund = "EVT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().auth().oauth2(tokens.regionOfficer()).contentType(ContentType.JSON)
                .body(aFund(fund).json())
                .post("/funds").then().statusCode(201);
        given().auth().oauth2(tokens.regionOfficer()).contentType("text/csv").body("istat_code,share\n110003,1000.00\n")
                .post("/funds/" + fund + "/publication/import?source=test").then().statusCode(201);
        for (String amount : List.of("10.00", "20.00", "30.00")) {
            given().auth().oauth2(tokens.operator("110003")).contentType(ContentType.JSON)
                    .body("""
                            {"finC": 0, "qEmi": 0, "qSmine": 0, "cofin": %s, "deliberationNumber": "12",
                             "deliberationDate": "2020-11-01", "budgetChapter": "Cap. 1"}"""
                            .formatted(amount))
                    .put("/funds/" + fund + "/municipalities/110003/cofinancing").then().statusCode(200);
        }

        List<ConsumerRecord<String, String>> ours = readUntil(fund, 5);

        EventSchemas schemas = new EventSchemas();
        for (ConsumerRecord<String, String> record : ours) {
            JsonNode event = mapper.readTree(record.value());
            assertThat(schemas.validate(event)).as(record.value()).isEmpty();
            assertThat(new String(record.headers().lastHeader("ce_id").value())).isEqualTo(event.get("id").asText());
        }
        JsonNode created = mapper.readTree(ours.get(0).value());
        assertThat(created.get("type").asText()).isEqualTo("FundCreated");
        assertThat(created.get("data").get("amount").asText()).isEqualTo("1000.00");
        assertThat(ours.get(0).key()).isEqualTo(fund);

        assertThat(mapper.readTree(ours.get(1).value()).get("type").asText()).isEqualTo("SplitPublished");
        // what a consumer reads back: the record of the contract, keyed as the producer keyed it
        SplitPublished split = EventData.read(mapper.readTree(ours.get(1).value()).get("data"), SplitPublished.class);
        assertThat(split.share()).isEqualTo("1000.00");
        assertThat(split.eventKey()).isEqualTo(ours.get(1).key()).isEqualTo("110003");
        List<ConsumerRecord<String, String>> cofin = ours.subList(2, 5);
        assertThat(cofin).allSatisfy(r -> assertThat(r.key()).isEqualTo("110003"));
        assertThat(cofin.stream().map(r -> {
            try {
                JsonNode e = mapper.readTree(r.value());
                assertThat(e.get("subject").asText()).isEqualTo("110003");
                return e.get("data").get("revision").asInt();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList()).containsExactly(1, 2, 3);
    }

    @Test
    void everythingOnTheTopicMatchesItsSchema() throws Exception {
        String fund = "ALL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().auth().oauth2(tokens.regionOfficer()).contentType(ContentType.JSON)
                .body(aFund(fund).withAmount("1.00").json())
                .post("/funds").then().statusCode(201);
        readUntil(fund, 1); // the new fund's event is on the topic: read everything up to the end offsets seen now
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        EventSchemas schemas = new EventSchemas();
        int seen = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "contract-all-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("allocation.events").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant giveUp = Instant.now().plusSeconds(30);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && Instant.now().isBefore(giveUp)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    assertThat(schemas.validate(mapper.readTree(r.value()))).as(r.value()).isEmpty();
                    seen++;
                }
            }
            assertThat(partitions).allSatisfy(tp -> assertThat(consumer.position(tp)).isGreaterThanOrEqualTo(end.get(tp)));
        }
        assertThat(seen).isPositive();
    }

    private List<ConsumerRecord<String, String>> readUntil(String fund, int expected) {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        List<ConsumerRecord<String, String>> ours = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "contract-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("allocation.events"));
            Instant deadline = Instant.now().plusSeconds(30);
            while (ours.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.value().contains("\"" + fund + "\"")) {
                        ours.add(r);
                    }
                }
            }
        }
        assertThat(ours).hasSize(expected);
        // FundCreated and the COFIN events travel on different keys: order them by the time they were written
        ours.sort(java.util.Comparator.comparing(r -> {
            try {
                return mapper.readTree(r.value()).get("time").asText();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        return ours;
    }
}
