package io.tokenmeter.embedded.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LifecycleIT {

  private static final Logger LOGGER = LoggerFactory.getLogger(LifecycleIT.class);

  @Test
  void shouldStopWithinTheCloseTimeoutFreeThePortAndDeleteTheTemporaryDir() {
    Duration closeTimeout = Duration.ofSeconds(20);
    EmbeddedKafka kafka = EmbeddedKafka.builder().closeTimeout(closeTimeout).build().start();
    kafka.createTopics("lifecycle");
    int port = kafka.port();
    Path dataDir = kafka.dataDir();
    assertThat(ListenerPorts.isFree("127.0.0.1", port)).isFalse();

    long began = System.nanoTime();
    kafka.close();
    Duration closing = Duration.ofNanos(System.nanoTime() - began);
    long beganAgain = System.nanoTime();
    kafka.close();
    Duration closingAgain = Duration.ofNanos(System.nanoTime() - beganAgain);

    LOGGER.info(
        "close took {} ms, second close {} ms", closing.toMillis(), closingAgain.toMillis());
    assertThat(closing).isLessThan(closeTimeout);
    assertThat(closingAgain).isLessThan(Duration.ofSeconds(2)); // a no-op, not a second shutdown
    assertThat(kafka.isRunning()).isFalse();
    assertThat(ListenerPorts.isFree("127.0.0.1", port)).isTrue();
    assertThat(dataDir).doesNotExist();
    assertThatThrownBy(kafka::start).hasMessageContaining("closed");
  }

  @Test
  void shouldRefuseASecondBrokerOnADataDirInUse(@TempDir Path dataDir) {
    try (EmbeddedKafka first = EmbeddedKafka.builder().dataDir(dataDir).build().start()) {
      EmbeddedKafka second = EmbeddedKafka.builder().dataDir(dataDir).build();

      assertThatThrownBy(second::start)
          .hasMessageContaining("in use by another running EmbeddedKafka");

      assertThat(second.isRunning()).isFalse();
      assertThat(first.isRunning()).isTrue();
      first.createTopics("still-serving");
    }
  }

  @Test
  void shouldMeasureStartupTimeAndHeapAfterStart() {
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    long heapBefore = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    try (EmbeddedKafka kafka = EmbeddedKafka.builder().build().start()) {
      System.gc();
      MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
      Duration startup = kafka.startupDuration().orElseThrow();
      LOGGER.info(
          "startup {} ms; heap used after start and GC {} MiB (before start {} MiB), committed {}"
              + " MiB, max {} MiB; live threads {}",
          startup.toMillis(),
          heap.getUsed() >> 20,
          heapBefore >> 20,
          heap.getCommitted() >> 20,
          runtime.maxMemory() >> 20,
          Thread.activeCount());
      assertThat(startup).isPositive().isLessThan(kafka.settings().startTimeout());
      assertThat(kafka.isRunning()).isTrue();
    }
  }
}
