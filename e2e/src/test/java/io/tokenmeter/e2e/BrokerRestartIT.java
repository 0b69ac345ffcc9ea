package io.tokenmeter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.embedded.kafka.EmbeddedKafka;
import io.tokenmeter.processor.Main;
import io.tokenmeter.processor.config.ProcessorSettings;
import io.tokenmeter.sink.ClickHouseSink;
import io.tokenmeter.sink.config.SinkSettingsLoader;
import io.tokenmeter.testenv.StackEndpoints;
import io.tokenmeter.testenv.WithTokenmeterStack;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker restarted twice while the SDK publishes and the processor and sink run. The stack's
 * broker cannot be restarted, so this test runs its own {@link EmbeddedKafka} on a persistent data
 * dir (same port after a restart) and uses the stack only for the registry and ClickHouse.
 */
@WithTokenmeterStack
@DisabledIfSystemProperty(named = "tokenmeter.e2e.faults", matches = "false")
class BrokerRestartIT {

  private static final int RESTARTS = 2;
  private static final Duration DOWN = Duration.ofSeconds(5);

  @TempDir Path stateDir;
  @TempDir Path kafkaDir;

  @Test
  void shouldStoreEveryEventOnceWhenTheBrokerRestarts(StackEndpoints stack) throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.builder().dataDir(kafkaDir).build().start()) {
      StackEndpoints ownBroker =
          new StackEndpoints(
              kafka.bootstrapServers(), stack.schemaRegistryUrl(), stack.clickHouseJdbcUrl());
      FaultRun run = new FaultRun(ownBroker, stateDir, RESTARTS);
      PipelineConfig config = run.config();
      ProcessorSettings settings = config.processorSettings();
      KafkaStreams processor = Main.start(settings, Clock.systemUTC());
      try (ClickHouseSink sink =
              ClickHouseSink.start(SinkSettingsLoader.load(config.sinkValues(), Map.of()));
          ClickHouseReads reads = new ClickHouseReads(stack.clickHouseJdbcUrl())) {
        CompletableFuture<Void> publishing = run.publishInBackground();
        for (int restart = 1; restart <= RESTARTS; restart++) {
          run.awaitRowsBeforeFault(
              restart,
              reads,
              () -> "processor " + processor.state() + ", sink running " + sink.isRunning());
          kafka.stop();
          // The broker stays down for a fixed time: that is the fault, not a wait for a condition.
          Thread.sleep(DOWN.toMillis());
          kafka.start();
          run.faultInjected();
        }
        run.assertEveryEventExactlyOnce(publishing, reads);
        assertThat(sink.isRunning()).as("the sink is still running after the fault").isTrue();
      } finally {
        Main.stop(processor, settings);
      }
    }
  }
}
