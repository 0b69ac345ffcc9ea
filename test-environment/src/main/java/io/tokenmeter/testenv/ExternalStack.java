package io.tokenmeter.testenv;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Services that already run elsewhere; this stack starts and stops nothing. */
final class ExternalStack implements Stack {

  static final String KAFKA = "KAFKA_BOOTSTRAP_SERVERS";
  static final String REGISTRY = "SCHEMA_REGISTRY_URL";
  static final String CLICKHOUSE = "CLICKHOUSE_JDBC_URL";

  private final StackEndpoints endpoints;

  private ExternalStack(StackEndpoints endpoints) {
    this.endpoints = endpoints;
  }

  static ExternalStack fromEnvironment(Map<String, String> environment) {
    List<String> missing = new ArrayList<>();
    for (String name : List.of(KAFKA, REGISTRY, CLICKHOUSE)) {
      String value = environment.get(name);
      if (value == null || value.isBlank()) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "The external test stack needs the environment variables "
              + missing
              + " (e.g. KAFKA_BOOTSTRAP_SERVERS=localhost:9092,"
              + " SCHEMA_REGISTRY_URL=http://localhost:8081,"
              + " CLICKHOUSE_JDBC_URL=jdbc:clickhouse://localhost:8123/default)");
    }
    return new ExternalStack(
        new StackEndpoints(
            environment.get(KAFKA), environment.get(REGISTRY), environment.get(CLICKHOUSE)));
  }

  @Override
  public StackEndpoints endpoints() {
    return endpoints;
  }

  @Override
  public StackSource source() {
    return StackSource.EXTERNAL;
  }

  @Override
  public void close() {
    // Nothing to stop: the services belong to whoever started them.
  }
}
