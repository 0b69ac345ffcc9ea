package io.tokenmeter.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmeter.serde.KafkaAvroSerializer;
import io.tokenmeter.sink.config.SinkSettings;
import io.tokenmeter.sink.config.SinkTopics;
import io.tokenmeter.sink.fixtures.SampleRecords;
import io.tokenmeter.sink.row.SinkTable;
import io.tokenmeter.testenv.StackEndpoints;
import io.tokenmeter.testenv.WithTokenmeterStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** The sink's HTTP endpoint against the embedded stack: probes and metrics of a real run. */
@WithTokenmeterStack
class SinkHealthEndpointIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final int RECORDS = 25;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void shouldBecomeReadyAndExposeTheRowsWrittenAsMetrics(StackEndpoints stack) throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    SinkTopics topics =
        new SinkTopics("hp-" + run, "ha-" + run, "hb-" + run, "hu-" + run, "hd-" + run);
    createTopics(stack, topics);
    String tenant = "health-" + run;
    produce(stack, topics, tenant);
    SinkSettings settings =
        SinkSettings.builder()
            .bootstrapServers(stack.kafkaBootstrapServers())
            .schemaRegistryUrl(stack.schemaRegistryUrl())
            .clickHouseJdbcUrl(stack.clickHouseJdbcUrl())
            .groupId("g-" + run)
            .topics(topics)
            .maxBatchWait(Duration.ofMillis(100))
            .pollTimeout(Duration.ofMillis(50))
            .httpHost("127.0.0.1")
            .httpPort(SinkSettings.HTTP_PORT_ANY)
            .build();

    URI base;
    try (ClickHouseSink sink = ClickHouseSink.start(settings);
        ClickHouseReads reads = new ClickHouseReads(stack.clickHouseJdbcUrl())) {
      base = URI.create("http://127.0.0.1:" + sink.httpPort().orElseThrow());
      HttpResponse<String> live = get(base.resolve("/health/live"));
      assertThat(live.statusCode()).isEqualTo(200);
      assertThat(live.body()).startsWith("{\"status\":\"UP\"");

      ClickHouseReads.awaitTrue(
          TIMEOUT,
          "/health/ready to answer 200",
          () -> get(base.resolve("/health/ready")).statusCode() == 200);
      ClickHouseReads.awaitTrue(
          TIMEOUT,
          RECORDS + " priced rows",
          () ->
              reads.count(
                      "SELECT count() FROM tokenmeter_priced_usage WHERE tenant_id = '"
                          + tenant
                          + "'")
                  == RECORDS);
      ClickHouseReads.awaitTrue(
          TIMEOUT,
          "the alert row",
          () ->
              reads.count(
                      "SELECT count() FROM tokenmeter_budget_alerts WHERE tenant_id = '"
                          + tenant
                          + "'")
                  == 1);

      // The counters move after ClickHouse answered the insert, so just after the rows show.
      SinkMetrics counted = sink.metrics();
      ClickHouseReads.awaitTrue(
          TIMEOUT,
          "the write counters",
          () ->
              counted.rowsWritten(SinkTable.PRICED_USAGE) == RECORDS
                  && counted.rowsWritten(SinkTable.BUDGET_ALERTS) == 1
                  && counted.batchesWritten() >= 2);
      HttpResponse<String> ready = get(base.resolve("/health/ready"));
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.body())
          .isEqualTo(
              "{\"status\":\"UP\",\"reason\":\"polling, 5 partition(s) assigned, writes"
                  + " succeeding\",\"phase\":\"RUNNING\",\"migrated\":true,"
                  + "\"assignedPartitions\":5,\"retryingPartitions\":0}\n");
      HttpResponse<String> metrics = get(base.resolve("/metrics"));
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.headers().firstValue("Content-Type"))
          .contains("text/plain; version=0.0.4; charset=utf-8");
      assertThat(metrics.body().lines())
          .contains(
              "tokenmeter_sink_rows_written_total{table=\"tokenmeter_priced_usage\"} " + RECORDS,
              "tokenmeter_sink_rows_written_total{table=\"tokenmeter_budget_alerts\"} 1",
              "tokenmeter_sink_rows_written_total{table=\"tokenmeter_usage_aggregates\"} 0",
              "tokenmeter_sink_dead_letters_total 0",
              "tokenmeter_sink_retries_total 0",
              "tokenmeter_sink_assigned_partitions 5",
              "tokenmeter_sink_consumer_lag 0");
      assertThat(metrics.body()).contains("tokenmeter_sink_batches_written_total ");
      assertThat(sink.metrics().batchesWritten()).isGreaterThanOrEqualTo(2);
    }
    // close() frees the port: probes of a stopped sink are refused, not left hanging.
    assertThatThrownBy(() -> get(base.resolve("/health/live")))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(ConnectException.class);
  }

  private HttpResponse<String> get(URI uri) {
    try {
      return http.send(
          HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void createTopics(StackEndpoints stack, SinkTopics topics) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
      List<NewTopic> newTopics = new ArrayList<>();
      for (String topic : topics.all()) {
        newTopics.add(new NewTopic(topic, 1, (short) 1));
      }
      admin.createTopics(newTopics).all().get();
    }
  }

  private static void produce(StackEndpoints stack, SinkTopics topics, String tenant) {
    try (KafkaProducer<byte[], byte[]> producer =
            new KafkaProducer<>(
                Map.of("bootstrap.servers", stack.kafkaBootstrapServers()),
                new ByteArraySerializer(),
                new ByteArraySerializer());
        KafkaAvroSerializer<Object> serializer = new KafkaAvroSerializer<>()) {
      serializer.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
      for (int i = 0; i < RECORDS; i++) {
        Object priced = SampleRecords.priced(tenant + "-" + i, tenant, "0.25");
        producer.send(
            new ProducerRecord<>(
                topics.pricedUsage(), serializer.serialize(topics.pricedUsage(), priced)));
      }
      Object alert = SampleRecords.alert(tenant, 80);
      producer.send(
          new ProducerRecord<>(
              topics.budgetAlerts(), serializer.serialize(topics.budgetAlerts(), alert)));
    }
  }
}
