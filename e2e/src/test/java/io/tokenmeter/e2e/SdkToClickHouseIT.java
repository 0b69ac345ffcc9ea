package io.tokenmeter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.processor.Main;
import io.tokenmeter.processor.config.ProcessorSettings;
import io.tokenmeter.schema.v1.UsageEvent;
import io.tokenmeter.sink.ClickHouseSink;
import io.tokenmeter.sink.config.SinkSettingsLoader;
import io.tokenmeter.testenv.StackEndpoints;
import io.tokenmeter.testenv.WithTokenmeterStack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline in one JVM on the embedded stack: SDK → usage topic → stream processor
 * (exactly_once_v2) → sink → ClickHouse, read back and compared exactly with the pricing module's
 * own answer for every event.
 */
@WithTokenmeterStack
class SdkToClickHouseIT {

  private static final int EVENTS = 2_000;

  /** Generous: on a loaded 2-core machine the processor's first start alone can take a minute. */
  private static final Duration WAIT = Duration.ofSeconds(180);

  private static final byte[] POISON =
      "this is not an Avro record".getBytes(StandardCharsets.UTF_8);

  @TempDir Path stateDir;

  @Test
  void shouldStoreEveryEventPricedExactlyOnceWithTheOraclesCost(StackEndpoints stack)
      throws Exception {
    PipelineConfig config = new PipelineConfig(stack, stateDir);
    ProcessorSettings settings = config.processorSettings();
    config.createTopics();
    KafkaIo kafka = new KafkaIo(stack.kafkaBootstrapServers(), stack.schemaRegistryUrl());
    TestCatalog catalog = new TestCatalog(Workload.firstTenant(config.tenantPrefix()));
    kafka.publishPrices(settings.pricesTopic(), catalog.initial());

    String idPrefix = "e2e-" + config.run() + "-";
    List<UsageEvent> events = Workload.events(config.tenantPrefix(), idPrefix, EVENTS);
    String lateEventId = idPrefix + Workload.LATE_INDEX;
    ExpectedCosts expected = new ExpectedCosts(catalog.complete(), events);

    KafkaStreams processor = Main.start(settings, Clock.systemUTC());
    try (ClickHouseSink sink =
            ClickHouseSink.start(SinkSettingsLoader.load(config.sinkValues(), Map.of()));
        ClickHouseReads reads = new ClickHouseReads(stack.clickHouseJdbcUrl())) {
      SdkPublisher.publishAll(config, events, 0, 0);
      kafka.publishRaw(settings.usageTopic(), "poison".getBytes(StandardCharsets.UTF_8), POISON);

      PricedUsageCheck priced = new PricedUsageCheck(reads, config.tenantPrefix());
      priced.awaitRows(EVENTS - 1, WAIT);
      Poll.until(
          WAIT,
          "the late model's event parked as unpriced",
          () ->
              reads.countOrZero(
                      "SELECT count() FROM tokenmeter_unpriced_usage WHERE event_id = '"
                          + lateEventId
                          + "'")
                  >= 1);
      assertThat(priced.rows()).as("the late event is not priced yet").isEqualTo(EVENTS - 1);

      kafka.publishPrices(settings.pricesTopic(), catalog.late());
      priced.awaitRows(EVENTS, WAIT);
      // The processor marks the parked event RESOLVED on the unpriced topic; the sink's row for
      // it then replaces the waiting one, so the table no longer lists it as waiting.
      String unpricedRow =
          " FROM tokenmeter_unpriced_usage FINAL WHERE event_id = '" + lateEventId + "'";
      Poll.until(
          WAIT,
          "the late event's unpriced row marked RESOLVED",
          () -> "RESOLVED".equals(reads.single("SELECT any(status)" + unpricedRow)));
      assertThat(reads.count("SELECT count()" + unpricedRow)).as("one row per event").isEqualTo(1);
      String deadLetters =
          " FROM tokenmeter_dead_letters WHERE original_topic = '" + settings.usageTopic() + "'";
      Poll.until(
          WAIT,
          "the poison record's dead letter",
          () -> reads.countOrZero("SELECT count()" + deadLetters) >= 1);

      // The topic, read committed: each event priced once (the late one too), nothing else.
      Map<String, Integer> onTopic = kafka.pricedCountsByEventId(settings.pricedUsageTopic(), WAIT);
      assertThat(onTopic).hasSize(EVENTS);
      assertThat(onTopic.values()).containsOnly(1);

      priced.assertExactly(expected);
      assertThat(
              reads.single(
                  "SELECT toString(isNotNull(unpriced_since)) FROM tokenmeter_priced_usage"
                      + " WHERE event_id = '"
                      + lateEventId
                      + "'"))
          .as("the late event says it waited for its price")
          .isIn("1", "true");
      assertThat(reads.pairs("SELECT reason, value_hex" + deadLetters))
          .isEqualTo(Map.of("BAD_MAGIC_BYTE", HexFormat.of().formatHex(POISON)));
    } finally {
      Main.stop(processor, settings);
    }
  }
}
