package io.tokenmeter.processor.testing;

import io.tokenmeter.pricing.catalog.PriceCatalog;
import io.tokenmeter.processor.config.ProcessorSettings;
import io.tokenmeter.processor.topology.CostTopology;
import io.tokenmeter.registry.MockSchemaRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.streams.TopologyTestDriver;

/** A TopologyTestDriver over the real topology with its own in-process registry scope. */
public final class DriverFixture implements AutoCloseable {
  public static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private final String scope;
  private final ProcessorSettings settings;
  private final TopologyTestDriver driver;

  public DriverFixture(Path stateDir, Map<String, String> overrides) {
    this(stateDir, overrides, "processor-test-" + UUID.randomUUID());
  }

  /** A driver on a given registry scope, e.g. to rebuild a driver over the state of another. */
  public DriverFixture(Path stateDir, Map<String, String> overrides, String registryScope) {
    this.scope = registryScope;
    Map<String, String> values = new HashMap<>();
    values.put(ProcessorSettings.SCHEMA_REGISTRY_URL, "mock://" + scope);
    values.put("state.dir", stateDir.toString());
    values.putAll(overrides);
    settings = ProcessorSettings.fromMap(values);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    Properties properties = settings.streamsProperties();
    driver =
        new TopologyTestDriver(
            CostTopology.build(settings, new PriceCatalog(), clock), properties, NOW);
  }

  public ProcessorSettings settings() {
    return settings;
  }

  public TopologyTestDriver driver() {
    return driver;
  }

  /** Same serde settings as the topology, so test records share the registry scope. */
  public Map<String, String> serdeConfig() {
    return settings.all();
  }

  public String registryScope() {
    return scope;
  }

  @Override
  public void close() {
    driver.close();
    MockSchemaRegistry.dropScope(scope);
  }

  /** Closes the driver but keeps the registry scope for a driver rebuilt on the same state. */
  public void closeKeepingRegistry() {
    driver.close();
  }
}
