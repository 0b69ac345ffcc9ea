package io.tokenmeter.devregistry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry is started inside test JVMs and dev stacks, so {@link DevRegistry#start} must be
 * quick, also when it replays a journal. The bound (10 s, against ~130 ms measured) only catches a
 * hang or a pathological regression: CI machines are shared and timed assertions flake; the figures
 * are logged.
 */
class StartupTimeIT {
  private static final Logger LOGGER = LoggerFactory.getLogger(StartupTimeIT.class);
  private static final Duration BUDGET = Duration.ofSeconds(10);
  private static final int SCHEMAS = 200;

  @TempDir Path dataDir;

  @Test
  void shouldStartWellUnderASecondEvenWhenReplayingAJournal() {
    long started = System.nanoTime();
    DevRegistry first = DevRegistry.start(DevRegistryConfig.builder().dataDir(dataDir).build());
    Duration emptyStart = Duration.ofNanos(System.nanoTime() - started);
    try (first) {
      RegistryHttp http = new RegistryHttp(first.url());
      // Independent subjects with distinct records, so nothing is rejected as incompatible.
      for (int i = 0; i < SCHEMAS; i++) {
        String schema =
            "{\"type\":\"record\",\"name\":\"R"
                + i
                + "\",\"fields\":[{\"name\":\"f\",\"type\":\"long\"}]}";
        assertThat(http.register("s" + i + "-value", schema).body())
            .isEqualTo("{\"id\":" + (i + 1) + "}");
      }
    }
    long restarted = System.nanoTime();
    try (DevRegistry second =
        DevRegistry.start(DevRegistryConfig.builder().dataDir(dataDir).build())) {
      Duration replayStart = Duration.ofNanos(System.nanoTime() - restarted);
      LOGGER.info(
          "start(): {} ms with an empty data dir, {} ms replaying {} registrations",
          emptyStart.toMillis(),
          replayStart.toMillis(),
          SCHEMAS);
      assertThat(new RegistryHttp(second.url()).get("/schemas/ids/" + SCHEMAS).status())
          .isEqualTo(200);
      assertThat(emptyStart).isLessThan(BUDGET);
      assertThat(replayStart).isLessThan(BUDGET);
    }
  }
}
