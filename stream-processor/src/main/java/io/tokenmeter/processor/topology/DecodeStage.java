package io.tokenmeter.processor.topology;

import io.tokenmeter.processor.config.ProcessorSettings;
import io.tokenmeter.processor.deadletter.DecodedUsage;
import io.tokenmeter.processor.deadletter.UsageDecoder;
import java.time.Clock;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * Usage topic in, as bytes: decoding and validation happen inside the topology, where a failure
 * becomes a dead letter with the original bytes instead of a crash or a silent skip.
 */
public final class DecodeStage {
  private DecodeStage() {}

  public static KStream<byte[], DecodedUsage> attach(
      StreamsBuilder builder, ProcessorSettings settings, TopologySerdes serdes, Clock clock) {
    return builder.stream(
            settings.usageTopic(),
            Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(StoreNames.USAGE_SOURCE))
        .processValues(
            () -> new UsageDecoder(serdes.usage().deserializer(), clock),
            Named.as(StoreNames.USAGE_DECODE));
  }
}
