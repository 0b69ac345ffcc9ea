package io.tokenmeter.processor.topology;

import io.tokenmeter.processor.config.ProcessorSettings;
import io.tokenmeter.schema.v1.UsageEvent;
import java.time.Clock;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;

/**
 * The whole processor as a pure function of its settings and clock: no broker, no threads, so
 * {@code TopologyTestDriver} tests run it exactly as production does.
 *
 * <pre>
 * usage (bytes) -> decode + validate -+-> dead letters
 *                                     +-> valid usage (keyed by tenant, event time)
 * priced usage -> 1m / 1h / 1d windows x tenant, tenant+model, tenant+workflow -> aggregates
 * </pre>
 */
public final class CostTopology {
  private CostTopology() {}

  public static Topology build(ProcessorSettings settings, Clock clock) {
    return build(settings, TopologySerdes.from(settings), clock);
  }

  public static Topology build(ProcessorSettings settings, TopologySerdes serdes, Clock clock) {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, UsageEvent> valid = DeadLetterStage.attach(builder, settings, serdes, clock);
    AggregateStage.attach(builder, settings, serdes, clock);
    return builder.build();
  }
}
