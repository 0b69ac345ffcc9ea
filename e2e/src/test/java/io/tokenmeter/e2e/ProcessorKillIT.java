package io.tokenmeter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.processor.Main;
import io.tokenmeter.sink.ClickHouseSink;
import io.tokenmeter.sink.config.SinkSettingsLoader;
import io.tokenmeter.testenv.StackEndpoints;
import io.tokenmeter.testenv.WithTokenmeterStack;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream processor as its own JVM, SIGKILLed three times while events flow and started again on
 * the same state dir: ClickHouse ends with every event once, costs exact.
 */
@WithTokenmeterStack
@DisabledIfSystemProperty(named = "tokenmeter.e2e.faults", matches = "false")
class ProcessorKillIT {

  private static final int KILLS = 3;

  @TempDir Path stateDir;

  @Test
  void shouldPriceEveryEventOnceWhenTheProcessorIsKilledRepeatedly(StackEndpoints stack)
      throws Exception {
    FaultRun run = new FaultRun(stack, stateDir, KILLS);
    PipelineConfig config = run.config();
    ChildJvm processor =
        new ChildJvm(Main.class, config.processorValues(), "processor-" + config.run());
    try (ClickHouseSink sink =
            ClickHouseSink.start(SinkSettingsLoader.load(config.sinkValues(), Map.of()));
        ClickHouseReads reads = new ClickHouseReads(stack.clickHouseJdbcUrl())) {
      Process current = processor.start();
      CompletableFuture<Void> publishing = run.publishInBackground();
      try {
        for (int kill = 1; kill <= KILLS; kill++) {
          Process running = current;
          run.awaitRowsBeforeFault(kill, reads, () -> processor.describe(running));
          ChildJvm.kill(current);
          assertThat(FaultRun.rows(reads, config))
              .as("rows when the processor was killed (the kill landed mid-stream)")
              .isLessThan(FaultRun.EVENTS);
          current = processor.start();
          run.faultInjected();
        }
        run.assertEveryEventExactlyOnce(publishing, reads);
        assertThat(sink.isRunning()).as("the sink is still running after the fault").isTrue();
      } finally {
        ChildJvm.kill(current);
      }
    }
  }
}
