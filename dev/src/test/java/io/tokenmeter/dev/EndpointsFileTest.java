package io.tokenmeter.dev;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndpointsFileTest {

  private static final Endpoints ENDPOINTS =
      new Endpoints(
          "127.0.0.1:9092",
          "http://127.0.0.1:8081",
          "jdbc:clickhouse://127.0.0.1:8123/default",
          "http://127.0.0.1:8123",
          "http://127.0.0.1:8080/v1/",
          "dev-secret");

  @Test
  void shouldWriteEveryEndpointTopicAndQuery(@TempDir Path dir) throws Exception {
    Path file = EndpointsFile.write(dir, ENDPOINTS);

    assertThat(file).isEqualTo(dir.resolve("endpoints.json"));
    assertThat(dir.resolve("endpoints.json.tmp")).doesNotExist();
    JsonNode json = new ObjectMapper().readTree(Files.readString(file));
    assertThat(json.get("kafka_bootstrap_servers").asText()).isEqualTo("127.0.0.1:9092");
    assertThat(json.get("schema_registry_url").asText()).isEqualTo("http://127.0.0.1:8081");
    assertThat(json.get("clickhouse_jdbc_url").asText())
        .isEqualTo("jdbc:clickhouse://127.0.0.1:8123/default");
    assertThat(json.get("clickhouse_http_url").asText()).isEqualTo("http://127.0.0.1:8123");
    assertThat(json.get("spend_api_url").asText()).isEqualTo("http://127.0.0.1:8080/v1/");
    assertThat(json.get("spend_api_token").asText()).isEqualTo("dev-secret");
    assertThat(json.get("spend_api_example").asText())
        .isEqualTo(
            "curl -H 'Authorization: Bearer dev-secret' http://127.0.0.1:8080/v1/tenants/acme/spend");
    assertThat(json.get("topics").get("usage").asText()).isEqualTo("tokenmeter.usage.v1");
    assertThat(json.get("topics").get("prices").asText()).isEqualTo("tokenmeter.prices.v1");
    assertThat(json.get("topics").size()).isEqualTo(9);
    List<String> queries = new ArrayList<>();
    json.get("sql").forEach(query -> queries.add(query.asText()));
    assertThat(queries).isEqualTo(Endpoints.SAMPLE_QUERIES);
  }

  @Test
  void shouldReplaceAnOlderFile(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("endpoints.json"), "{\"old\": true}");

    EndpointsFile.write(dir, ENDPOINTS);

    JsonNode json = new ObjectMapper().readTree(dir.resolve("endpoints.json").toFile());
    assertThat(json.has("old")).isFalse();
    assertThat(json.get("kafka_bootstrap_servers").asText()).isEqualTo("127.0.0.1:9092");
  }

  @Test
  void shouldPrintEndpointsForPeople() {
    String text = ENDPOINTS.toText();

    assertThat(text)
        .contains("Kafka bootstrap     127.0.0.1:9092")
        .contains("ClickHouse JDBC     jdbc:clickhouse://127.0.0.1:8123/default")
        .contains("Publish usage to    tokenmeter.usage.v1")
        .contains("Spend API           http://127.0.0.1:8080/v1/")
        .contains(Endpoints.SAMPLE_QUERIES.getFirst() + ";");
  }

  @Test
  void shouldCountOnlyUnpricedEventsStillWaitingNotOnesPricedSince() {
    String text = ENDPOINTS.toText();

    assertThat(text)
        .contains(
            "SELECT count() AS waiting_for_a_price FROM tokenmeter_unpriced_usage FINAL"
                + " WHERE status = 'UNPRICED';");
  }
}
