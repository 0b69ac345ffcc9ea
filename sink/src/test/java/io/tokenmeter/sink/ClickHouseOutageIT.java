package io.tokenmeter.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.serde.KafkaAvroSerializer;
import io.tokenmeter.sink.config.SinkSettings;
import io.tokenmeter.sink.config.SinkTopics;
import io.tokenmeter.sink.fixtures.SampleRecords;
import io.tokenmeter.testenv.CommittedOffsets;
import io.tokenmeter.testenv.StackEndpoints;
import io.tokenmeter.testenv.WithTokenmeterStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * ClickHouse unreachable under load (a TCP proxy in front of it is cut for {@code
 * -Dsink.outage.seconds}, default 5; the scenario is 30), then back: nothing lost, nothing
 * doubled, decimal sums exact.
 */
@WithTokenmeterStack
class ClickHouseOutageIT {

  private static final int OUTAGE_SECONDS = Integer.getInteger("sink.outage.seconds", 5);
  private static final int RECORDS = 3_000;

  @Test
  void shouldLoseAndDoubleNothingWhenClickHouseIsUnreachableForAWhile(StackEndpoints stack)
      throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    SinkTopics topics =
        new SinkTopics("op-" + run, "oa-" + run, "ob-" + run, "ou-" + run, "od-" + run);
    String tenant = "outage-" + run;
    URI clickHouse = URI.create(stack.clickHouseJdbcUrl().substring("jdbc:clickhouse:".length()));
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topics.pricedUsage(), 2, (short) 1))).all().get();
      admin
          .createTopics(
              List.of(
                  new NewTopic(topics.aggregates(), 1, (short) 1),
                  new NewTopic(topics.budgetAlerts(), 1, (short) 1),
                  new NewTopic(topics.unpricedUsage(), 1, (short) 1),
                  new NewTopic(topics.deadLetters(), 1, (short) 1)))
          .all()
          .get();
    }
    try (TcpOutageProxy proxy = new TcpOutageProxy(clickHouse.getHost(), clickHouse.getPort());
        ClickHouseReads reads = new ClickHouseReads(stack.clickHouseJdbcUrl());
        KafkaProducer<byte[], byte[]> producer =
            new KafkaProducer<>(
                Map.of(
                    "bootstrap.servers",
                    stack.kafkaBootstrapServers(),
                    "acks",
                    "all",
                    "linger.ms",
                    "5"),
                new ByteArraySerializer(),
                new ByteArraySerializer());
        KafkaAvroSerializer<Object> serializer = new KafkaAvroSerializer<>()) {
      serializer.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
      String proxiedUrl =
          stack
              .clickHouseJdbcUrl()
              .replace(":" + clickHouse.getPort() + "/", ":" + proxy.port() + "/");
      SinkSettings settings =
          SinkSettings.builder()
              .bootstrapServers(stack.kafkaBootstrapServers())
              .schemaRegistryUrl(stack.schemaRegistryUrl())
              .clickHouseJdbcUrl(proxiedUrl)
              .groupId("g-" + run)
              .topics(topics)
              .maxBatchRows(200)
              .maxBatchWait(Duration.ofMillis(100))
              .backoffMax(Duration.ofSeconds(1))
              .pollTimeout(Duration.ofMillis(50))
              .httpPort(SinkSettings.HTTP_PORT_ANY)
              .build();
      ClickHouseSink.migrate(settings, Clock.systemUTC());
      BigDecimal expected = BigDecimal.ZERO;
      try (ClickHouseSink sink = ClickHouseSink.start(settings)) {
        for (int i = 0; i < RECORDS; i++) {
          if (i == RECORDS / 3) {
            proxy.cut();
          }
          String cost = "0.000" + (100_000_000 + i);
          expected = expected.add(new BigDecimal(cost));
          byte[] value =
              serializer.serialize(
                  topics.pricedUsage(), SampleRecords.priced(tenant + "-" + i, tenant, cost));
          producer.send(new ProducerRecord<>(topics.pricedUsage(), i % 2, null, value));
        }
        producer.flush();
        Thread.sleep(OUTAGE_SECONDS * 1000L);
        // The sink notices the outage only once it has joined, fetched and tried a write: on a
        // loaded machine that can take longer than the outage so far, so wait for it.
        ClickHouseReads.awaitTrue(
            Duration.ofSeconds(60), "the outage noticed", () -> sink.metrics().retries() > 0);
        URI ready =
            URI.create("http://127.0.0.1:" + sink.httpPort().orElseThrow() + "/health/ready");
        AtomicReference<HttpResponse<String>> duringOutage = new AtomicReference<>();
        ClickHouseReads.awaitTrue(
            Duration.ofSeconds(60),
            "ready answering 503 during the outage",
            () -> {
              duringOutage.set(get(ready));
              return duringOutage.get().statusCode() == 503;
            });
        assertThat(duringOutage.get().body())
            .contains("partition(s) retrying with backoff; last error: ");
        proxy.restore();

        String priced = " FROM tokenmeter_priced_usage WHERE tenant_id = '" + tenant + "'";
        ClickHouseReads.awaitTrue(
            Duration.ofSeconds(60),
            RECORDS + " rows",
            () -> reads.count("SELECT count()" + priced) >= RECORDS);
        CommittedOffsets.awaitAtEnd(
            stack.kafkaBootstrapServers(),
            "g-" + run,
            topics.pricedUsage(),
            Duration.ofSeconds(60));
        assertThat(reads.count("SELECT count()" + priced)).isEqualTo(RECORDS);
        assertThat(reads.count("SELECT uniqExact(event_id)" + priced)).isEqualTo(RECORDS);
        assertThat(reads.decimal("SELECT toString(sum(total_cost))" + priced))
            .isEqualByComparingTo(expected);
        assertThat(sink.isRunning()).isTrue();
        ClickHouseReads.awaitTrue(
            Duration.ofSeconds(60), "ready again", () -> get(ready).statusCode() == 200);
      }
    }
  }

  private static HttpResponse<String> get(URI uri) {
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
