package io.tokenmeter.registry;

import java.util.Map;

/** Creates the right client for a configuration: in-process for {@code mock://}, else REST. */
public final class SchemaRegistryClients {
  private SchemaRegistryClients() {}

  /** Reads {@link RegistryClientConfig} keys from the map (e.g. a whole serializer config). */
  public static SchemaRegistryClient create(Map<String, ?> configs) {
    return create(RegistryClientConfig.fromMap(configs));
  }

  public static SchemaRegistryClient create(RegistryClientConfig config) {
    return config
        .mockScope()
        .<SchemaRegistryClient>map(MockSchemaRegistry::forScope)
        .orElseGet(() -> new RestSchemaRegistryClient(config));
  }
}
