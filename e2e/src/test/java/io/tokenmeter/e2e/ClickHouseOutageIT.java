package io.tokenmeter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.processor.Main;
import io.tokenmeter.processor.config.ProcessorSettings;
import io.tokenmeter.sink.ClickHouseSink;
import io.tokenmeter.sink.config.SinkSettingsLoader;
import io.tokenmeter.testenv.StackEndpoints;
import io.tokenmeter.testenv.WithTokenmeterStack;
import java.net.URI;
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
 * ClickHouse unreachable for the sink (a TCP proxy cut) for {@code tokenmeter.e2e.outage.seconds}
 * (default 60) while events flow: once it is back, every event is stored once, costs exact.
 */
@WithTokenmeterStack
@DisabledIfSystemProperty(named = "tokenmeter.e2e.faults", matches = "false")
class ClickHouseOutageIT {

  private static final Duration OUTAGE =
      Duration.ofSeconds(Long.getLong("tokenmeter.e2e.outage.seconds", 60));

  @TempDir Path stateDir;

  @Test
  void shouldStoreEveryEventOnceAfterClickHouseWasUnreachable(StackEndpoints stack)
      throws Exception {
    FaultRun run = new FaultRun(stack, stateDir, 1);
    PipelineConfig config = run.config();
    ProcessorSettings settings = config.processorSettings();
    URI direct = URI.create(stack.clickHouseJdbcUrl().substring("jdbc:".length()));
    try (TcpCutProxy proxy = new TcpCutProxy(direct.getHost(), direct.getPort())) {
      String viaProxy =
          stack
              .clickHouseJdbcUrl()
              .replace(direct.getHost() + ":" + direct.getPort(), "127.0.0.1:" + proxy.port());
      Map<String, String> sinkValues = config.sinkValues();
      sinkValues.put(SinkSettingsLoader.CLICKHOUSE_URL, viaProxy);
      // A short socket timeout, so a cut request fails fast and is retried.
      sinkValues.put(SinkSettingsLoader.JDBC_PREFIX + "socket_timeout", "5000");
      KafkaStreams processor = Main.start(settings, Clock.systemUTC());
      try (ClickHouseSink sink =
              ClickHouseSink.start(SinkSettingsLoader.load(sinkValues, Map.of()));
          ClickHouseReads reads = new ClickHouseReads(stack.clickHouseJdbcUrl())) {
        CompletableFuture<Void> publishing = run.publishInBackground();
        run.awaitRowsBeforeFault(1, reads, () -> "sink running: " + sink.isRunning());
        proxy.cut();
        run.faultInjected();
        // The outage itself lasts a fixed time: that is the fault, not a wait for a condition.
        Thread.sleep(OUTAGE.toMillis());
        assertThat(FaultRun.rows(reads, config))
            .as("rows at the end of the outage (the cut held)")
            .isLessThan(FaultRun.EVENTS);
        proxy.restore();
        run.assertEveryEventExactlyOnce(publishing, reads);
        assertThat(sink.isRunning()).as("the sink is still running after the fault").isTrue();
      } finally {
        Main.stop(processor, settings);
      }
    }
  }
}
