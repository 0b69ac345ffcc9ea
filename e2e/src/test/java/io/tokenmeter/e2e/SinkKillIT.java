package io.tokenmeter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.processor.Main;
import io.tokenmeter.processor.config.ProcessorSettings;
import io.tokenmeter.sink.SinkMain;
import io.tokenmeter.testenv.StackEndpoints;
import io.tokenmeter.testenv.WithTokenmeterStack;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink as its own JVM, SIGKILLed three times mid-batch and started again: ClickHouse ends with
 * every event once (no row lost between insert and commit, none doubled by the replay).
 */
@WithTokenmeterStack
@DisabledIfSystemProperty(named = "tokenmeter.e2e.faults", matches = "false")
class SinkKillIT {

  private static final int KILLS = 3;

  @TempDir Path stateDir;

  @Test
  void shouldStoreEveryEventOnceWhenTheSinkIsKilledRepeatedly(StackEndpoints stack)
      throws Exception {
    FaultRun run = new FaultRun(stack, stateDir, KILLS);
    PipelineConfig config = run.config();
    ProcessorSettings settings = config.processorSettings();
    ChildJvm sink = new ChildJvm(SinkMain.class, config.sinkValues(), "sink-" + config.run());
    KafkaStreams processor = Main.start(settings, Clock.systemUTC());
    try (ClickHouseReads reads = new ClickHouseReads(stack.clickHouseJdbcUrl())) {
      Process current = sink.start();
      CompletableFuture<Void> publishing = run.publishInBackground();
      try {
        for (int kill = 1; kill <= KILLS; kill++) {
          Process running = current;
          run.awaitRowsBeforeFault(kill, reads, () -> sink.describe(running));
          ChildJvm.kill(current);
          assertThat(FaultRun.rows(reads, config))
              .as("rows when the sink was killed (the kill landed mid-stream)")
              .isLessThan(FaultRun.EVENTS);
          current = sink.start();
          run.faultInjected();
        }
        run.assertEveryEventExactlyOnce(publishing, reads);
      } finally {
        ChildJvm.kill(current);
      }
    } finally {
      Main.stop(processor, settings);
    }
  }
}
