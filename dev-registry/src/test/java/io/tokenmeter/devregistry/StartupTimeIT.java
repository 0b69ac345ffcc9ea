package io.tokenmeter.devregistry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The registry is started inside test JVMs and dev stacks, so it must be quick to come up. */
class StartupTimeIT {
  private static final Logger LOGGER = LoggerFactory.getLogger(StartupTimeIT.class);
  private static final Duration BUDGET = Duration.ofMillis(500);

  @TempDir Path dataDir;

  @Test
  void shouldStartAndAnswerWellUnderASecond() {
    // The first start pays for class loading in this JVM, which is what a dev stack sees.
    long started = System.nanoTime();
    try (DevRegistry registry =
        DevRegistry.start(DevRegistryConfig.builder().dataDir(dataDir).build())) {
      int status = new RegistryHttp(registry.url()).get("/").status();
      Duration firstAnswer = Duration.ofNanos(System.nanoTime() - started);
      LOGGER.info("First start to first answer: {} ms", firstAnswer.toMillis());
      assertThat(status).isEqualTo(200);
      assertThat(firstAnswer).isLessThan(BUDGET.multipliedBy(2));
    }
    long restarted = System.nanoTime();
    try (DevRegistry registry =
        DevRegistry.start(DevRegistryConfig.builder().dataDir(dataDir).build())) {
      Duration warmStart = Duration.ofNanos(System.nanoTime() - restarted);
      LOGGER.info("Warm start: {} ms", warmStart.toMillis());
      assertThat(new RegistryHttp(registry.url()).get("/").status()).isEqualTo(200);
      assertThat(warmStart).isLessThan(BUDGET);
    }
  }
}
