package io.tokenmeter.testenv;

import io.tokenmeter.devregistry.DevRegistry;
import io.tokenmeter.devregistry.DevRegistryConfig;
import io.tokenmeter.embedded.clickhouse.EmbeddedClickHouse;
import io.tokenmeter.embedded.kafka.EmbeddedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real services in this JVM: a KRaft Kafka broker, the dev registry and chdb behind the
 * ClickHouse HTTP front, all on free ports with data in one temporary directory.
 */
final class EmbeddedStack implements Stack {

  private static final Logger LOGGER = LoggerFactory.getLogger(EmbeddedStack.class);

  private final Path root;
  private final EmbeddedKafka kafka;
  private final DevRegistry registry;
  private final EmbeddedClickHouse clickHouse;
  private final StackEndpoints endpoints;

  private EmbeddedStack(
      Path root, EmbeddedKafka kafka, DevRegistry registry, EmbeddedClickHouse clickHouse) {
    this.root = root;
    this.kafka = kafka;
    this.registry = registry;
    this.clickHouse = clickHouse;
    this.endpoints =
        new StackEndpoints(kafka.bootstrapServers(), registry.url(), clickHouse.jdbcUrl());
  }

  static EmbeddedStack start() {
    Path root = createRoot();
    // ClickHouse first, alone: while chdb connects, the JVM's crash-signal handlers are replaced,
    // so an implicit null check on a busy Kafka thread at that moment would kill the JVM
    // (clickhouse-engine README). Kafka then starts while the registry does.
    CompletableFuture<EmbeddedClickHouse> clickHouse =
        CompletableFuture.completedFuture(
            EmbeddedClickHouse.builder().dataDirectory(root.resolve("clickhouse")).build().start());
    CompletableFuture<EmbeddedKafka> kafka =
        CompletableFuture.supplyAsync(
            () -> EmbeddedKafka.builder().dataDir(root.resolve("kafka")).build().start());
    DevRegistry registry = null;
    try {
      registry =
          DevRegistry.start(DevRegistryConfig.builder().dataDir(root.resolve("registry")).build());
      return new EmbeddedStack(root, kafka.join(), registry, clickHouse.join());
    } catch (RuntimeException e) {
      closeQuietly(registry);
      kafka.thenAccept(EmbeddedStack::closeQuietly);
      clickHouse.thenAccept(EmbeddedStack::closeQuietly);
      throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause
          ? cause
          : e;
    }
  }

  private static Path createRoot() {
    try {
      return Files.createTempDirectory("tokenmeter-test-stack-");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a temporary directory for the test stack", e);
    }
  }

  @Override
  public StackEndpoints endpoints() {
    return endpoints;
  }

  @Override
  public StackSource source() {
    return StackSource.EMBEDDED;
  }

  /** The broker itself, for tests that restart it. */
  EmbeddedKafka kafka() {
    return kafka;
  }

  @Override
  public void close() {
    closeQuietly(clickHouse);
    closeQuietly(registry);
    closeQuietly(kafka);
    deleteRecursively(root);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      LOGGER.warn("Closing {} failed", closeable.getClass().getSimpleName(), e);
    }
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      LOGGER.warn("Could not delete the test stack's directory {}", directory, e);
    }
  }
}
