package io.tokenmeter.cli.common;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Where the CLI's Kafka clients connect, immutable and validated.
 *
 * @param bootstrapServers Kafka {@code bootstrap.servers}
 * @param registryUrl schema registry base URL (http(s)://..., or mock://scope in tests)
 * @param kafkaProperties {@code -X key=value} properties, passed to every client unchanged and
 *     applied last, so they override the CLI's defaults
 */
public record ConnectionSettings(
    String bootstrapServers, String registryUrl, Map<String, String> kafkaProperties) {

  public ConnectionSettings {
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new IllegalArgumentException(
          "--bootstrap-servers is empty; give host:port[,host:port] or set"
              + " KAFKA_BOOTSTRAP_SERVERS");
    }
    if (registryUrl == null || registryUrl.isBlank()) {
      throw new IllegalArgumentException(
          "--registry-url is empty; give the schema registry URL (http://host:8081) or set"
              + " SCHEMA_REGISTRY_URL");
    }
    bootstrapServers = bootstrapServers.trim();
    registryUrl = registryUrl.trim();
    kafkaProperties =
        kafkaProperties == null ? Map.of() : Map.copyOf(new TreeMap<>(kafkaProperties));
  }

  // A registry URL may carry user:password@ and -X properties may carry sasl.jaas.config
  // passwords; messages and logs show neither.
  private static final Pattern USER_INFO = Pattern.compile("//[^/@?#]*@");

  /** The registry URL with any {@code user:password@} masked, for messages. */
  public String registryUrlForDisplay() {
    return USER_INFO.matcher(registryUrl).replaceFirst("//***@");
  }

  @Override
  public String toString() {
    return "ConnectionSettings[bootstrapServers="
        + bootstrapServers
        + ", registryUrl="
        + registryUrlForDisplay()
        + ", kafkaProperties="
        + kafkaProperties.keySet()
        + " (values not shown)]";
  }
}
