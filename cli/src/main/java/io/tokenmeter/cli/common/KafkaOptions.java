package io.tokenmeter.cli.common;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The connection options every command that talks to Kafka shares (a picocli mixin). */
public final class KafkaOptions {

  public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
  public static final String DEFAULT_REGISTRY_URL = "http://localhost:8081";

  @Spec(Spec.Target.MIXEE)
  private CommandSpec spec;

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT",
      defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-" + DEFAULT_BOOTSTRAP_SERVERS + "}",
      description = "Kafka brokers (env KAFKA_BOOTSTRAP_SERVERS; default ${DEFAULT-VALUE}).")
  private String bootstrapServers;

  @Option(
      names = "--registry-url",
      paramLabel = "URL",
      defaultValue = "${env:SCHEMA_REGISTRY_URL:-" + DEFAULT_REGISTRY_URL + "}",
      description = "Schema registry URL (env SCHEMA_REGISTRY_URL; default ${DEFAULT-VALUE}).")
  private String registryUrl;

  @Option(
      names = "-X",
      paramLabel = "KEY=VALUE",
      description =
          "A Kafka client property passed through unchanged, e.g. -X security.protocol=SSL"
              + " (repeatable).")
  private Map<String, String> kafkaProperties = new LinkedHashMap<>();

  /** The validated settings; a bad value is a usage error naming the option. */
  public ConnectionSettings settings() {
    try {
      return new ConnectionSettings(bootstrapServers, registryUrl, kafkaProperties);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }
}
