package io.tokenmeter.processor.topology;

import io.tokenmeter.processor.config.ProcessorSettings;
import io.tokenmeter.processor.deadletter.DecodedUsage;
import io.tokenmeter.processor.deadletter.UsageDecoder;
import io.tokenmeter.schema.v1.UsageEvent;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Usage topic in, as bytes: decode and validate inside the topology, send what fails to the
 * dead-letter topic, and hand valid events on keyed by tenant id with their event time.
 */
public final class DeadLetterStage {
  private static final String VALID = "valid";
  private static final String REJECTED = "rejected";

  private DeadLetterStage() {}

  public static KStream<String, UsageEvent> attach(
      StreamsBuilder builder, ProcessorSettings settings, TopologySerdes serdes, Clock clock) {
    KStream<byte[], byte[]> raw =
        builder.stream(
            settings.usageTopic(),
            Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())
                .withName(StoreNames.USAGE_SOURCE));
    Map<String, KStream<byte[], DecodedUsage>> branches =
        raw.processValues(
                () -> new UsageDecoder(serdes.usage().deserializer(), clock),
                Named.as(StoreNames.USAGE_DECODE))
            .split(Named.as(StoreNames.USAGE_SPLIT))
            .branch((key, decoded) -> decoded.isValid(), Branched.as(VALID))
            .defaultBranch(Branched.as(REJECTED));
    branches
        .get(StoreNames.USAGE_SPLIT + REJECTED)
        .mapValues(
            decoded -> ((DecodedUsage.Rejected) decoded).deadLetter(),
            Named.as("dead-letter-value"))
        .to(
            settings.deadLettersTopic(),
            Produced.with(Serdes.ByteArray(), serdes.deadLetters())
                .withName(StoreNames.DEAD_LETTER_SINK));
    // The usage topic is keyed by tenant id by contract; re-keying from the payload makes that
    // hold even for producers that got the key wrong, without a repartition (nothing stateful
    // is keyed by anything but the tenant downstream).
    return branches
        .get(StoreNames.USAGE_SPLIT + VALID)
        .map(
            (key, decoded) -> {
              UsageEvent event = ((DecodedUsage.Valid) decoded).event();
              return KeyValue.pair(event.getTenantId(), event);
            },
            Named.as("usage-by-tenant"));
  }
}
