package io.tokenmeter.processor.testing;

import io.tokenmeter.processor.config.ProcessorSettings;
import io.tokenmeter.processor.topology.Topics;
import io.tokenmeter.schema.v1.ModelPrice;
import io.tokenmeter.schema.v1.PricedUsage;
import io.tokenmeter.schema.v1.UnpricedUsage;
import io.tokenmeter.schema.v1.UsageEvent;
import io.tokenmeter.schema.v1.WindowedAggregate;
import io.tokenmeter.serde.AvroSerde;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** The usage, prices, priced, unpriced and aggregates topics of a {@link DriverFixture}. */
public final class UsageTopics {
  private final DriverFixture fixture;
  private final AvroSerde<UsageEvent> usageSerde;
  private final TestInputTopic<byte[], byte[]> usage;
  private final TestInputTopic<String, ModelPrice> prices;
  public final TestOutputTopic<String, PricedUsage> priced;
  public final TestOutputTopic<String, UnpricedUsage> unpriced;
  public final TestOutputTopic<String, WindowedAggregate> aggregates;

  public UsageTopics(DriverFixture fixture) {
    this.fixture = fixture;
    TopologyTestDriver driver = fixture.driver();
    usageSerde = serde(UsageEvent.class);
    usage =
        driver.createInputTopic(Topics.USAGE, new ByteArraySerializer(), new ByteArraySerializer());
    prices =
        driver.createInputTopic(
            Topics.PRICES, new StringSerializer(), serde(ModelPrice.class).serializer());
    priced =
        driver.createOutputTopic(
            Topics.PRICED_USAGE, new StringDeserializer(), serde(PricedUsage.class).deserializer());
    unpriced =
        driver.createOutputTopic(
            Topics.UNPRICED_USAGE,
            new StringDeserializer(),
            serde(UnpricedUsage.class).deserializer());
    aggregates =
        driver.createOutputTopic(
            Topics.AGGREGATES,
            new StringDeserializer(),
            serde(WindowedAggregate.class).deserializer());
  }

  private <T extends SpecificRecord> AvroSerde<T> serde(Class<T> type) {
    AvroSerde<T> serde = AvroSerde.specific(type);
    serde.configure(fixture.serdeConfig(), false);
    return serde;
  }

  public void publish(ModelPrice price) {
    prices.pipeInput(price.getPriceVersionId(), price);
  }

  /** A tombstone for the price version: the price is withdrawn. */
  public void withdraw(ModelPrice price) {
    prices.pipeInput(price.getPriceVersionId(), null);
  }

  /** Aggregate records emitted so far, after one update interval of wall-clock time passed. */
  public List<WindowedAggregate> aggregateUpdates() {
    fixture.driver().advanceWallClockTime(ProcessorSettings.DEFAULT_AGGREGATE_UPDATE_INTERVAL);
    return aggregates.readValuesToList();
  }

  /** Sends with the event time as the Kafka timestamp, as the SDK's producer does. */
  public void send(UsageEvent event) {
    usage.pipeInput(
        event.getTenantId().getBytes(StandardCharsets.UTF_8),
        usageSerde.serializer().serialize(Topics.USAGE, event),
        event.getEventTime());
  }

  /** The value of one of tokenmeter's own metrics (any task), or null if it is not registered. */
  public Object metric(String name) {
    return fixture.driver().metrics().entrySet().stream()
        .filter(e -> e.getKey().group().equals("stream-tokenmeter-metrics"))
        .filter(e -> e.getKey().name().equals(name))
        .map(e -> ((Metric) e.getValue()).metricValue())
        .findFirst()
        .orElse(null);
  }
}
