package io.tokenmeter.sdk.client;

import io.tokenmeter.registry.RegistryClientConfig;
import io.tokenmeter.schema.v1.UsageEvent;
import io.tokenmeter.sdk.validation.UsageEventValidator;
import io.tokenmeter.serde.KafkaAvroSerializer;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Builds a {@link UsageClient}. Each setter checks its argument at once and says how to fix it, so
 * a misconfiguration fails where it is written, not at the first publish.
 */
public final class UsageClientBuilder {

  /** The usage topic of the contract. */
  public static final String DEFAULT_TOPIC = "tokenmeter.usage.v1";

  /** Small enough not to add noticeable delay, large enough to batch bursts. */
  public static final int DEFAULT_LINGER_MS = 5;

  /** Usage records are repetitive text-like Avro; zstd shrinks them best for its CPU cost. */
  public static final String DEFAULT_COMPRESSION = "zstd";

  /**
   * Upper bound of unacknowledged events; at ~0.5 KB each, about 5 MB, well inside buffer.memory.
   */
  public static final int DEFAULT_MAX_BUFFERED_EVENTS = 10_000;

  /** How long the blocking {@code publish} waits for buffer room. */
  public static final Duration DEFAULT_PUBLISH_BLOCK_TIMEOUT = Duration.ofSeconds(5);

  /** Kafka's client.id, so brokers can tell SDK traffic apart. */
  public static final String DEFAULT_CLIENT_ID = "tokenmeter-usage-sdk";

  private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
  private static final Set<String> REGISTRY_SCHEMES = Set.of("http", "https", "mock");
  private static final Set<String> SDK_OWNED_PROPERTIES =
      Set.of(
          ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);

  private final Map<String, Object> overrides = new LinkedHashMap<>();
  private final Map<String, String> defaultTags = new LinkedHashMap<>();
  private String topic = DEFAULT_TOPIC;
  private String defaultTenantId;
  private int maxBufferedEvents = DEFAULT_MAX_BUFFERED_EVENTS;
  private Duration publishBlockTimeout = DEFAULT_PUBLISH_BLOCK_TIMEOUT;
  private Duration maxFutureSkew = UsageEventValidator.DEFAULT_MAX_FUTURE_SKEW;
  private Clock clock = Clock.systemUTC();
  private Function<Map<String, Object>, Producer<String, byte[]>> producerFactory =
      KafkaProducer::new;

  UsageClientBuilder() {}

  /** Kafka brokers, e.g. {@code localhost:9092} or {@code b1:9092,b2:9092}. Required. */
  public UsageClientBuilder bootstrapServers(String servers) {
    if (servers == null || servers.isBlank()) {
      throw new IllegalArgumentException(
          "bootstrapServers is empty: pass host:port[,host:port...], e.g. localhost:9092");
    }
    overrides.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.strip());
    return this;
  }

  /**
   * Schema registry URL ({@code http(s)://host:port}, or {@code mock://scope} in tests). Required.
   */
  public UsageClientBuilder registryUrl(String url) {
    String scheme = url == null ? "" : url.strip().replaceFirst("://.*", "");
    if (url == null
        || !url.contains("://")
        || !REGISTRY_SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException(
          "registryUrl '" + url + "' is not a registry URL: use http://host:8081 or mock://scope");
    }
    overrides.put(RegistryClientConfig.URL, url.strip());
    return this;
  }

  /** The usage topic; defaults to {@value #DEFAULT_TOPIC}. */
  public UsageClientBuilder topic(String name) {
    if (name == null
        || !TOPIC_NAME.matcher(name).matches()
        || name.equals(".")
        || name.equals("..")) {
      throw new IllegalArgumentException(
          "topic '" + name + "' is not a valid Kafka topic name: use 1-249 of [a-zA-Z0-9._-]");
    }
    this.topic = name;
    return this;
  }

  /** Tenant used when a report names none. */
  public UsageClientBuilder defaultTenant(String tenantId) {
    if (tenantId == null || tenantId.isBlank()) {
      throw new IllegalArgumentException("defaultTenant is blank: pass a tenant id such as 'acme'");
    }
    this.defaultTenantId = tenantId;
    return this;
  }

  /**
   * A tag added to every event (e.g. service=checkout); a report's own tag of the same key wins.
   */
  public UsageClientBuilder defaultTag(String key, String value) {
    if (key == null || key.isBlank() || value == null) {
      throw new IllegalArgumentException(
          "defaultTag(" + key + ", " + value + "): both key and value must be set");
    }
    defaultTags.put(key, value);
    return this;
  }

  /** Any Kafka producer property, passed through unchanged and winning over the SDK's defaults. */
  public UsageClientBuilder producerProperty(String key, Object value) {
    if (key == null || key.isBlank() || value == null) {
      throw new IllegalArgumentException(
          "producerProperty(" + key + ", " + value + "): both key and value must be set");
    }
    if (SDK_OWNED_PROPERTIES.contains(key)) {
      throw new IllegalArgumentException(
          key + " is set by the SDK (String keys, Avro values in the Confluent wire format)");
    }
    overrides.put(key, value);
    return this;
  }

  /** Most events held unacknowledged at once; defaults to {@value #DEFAULT_MAX_BUFFERED_EVENTS}. */
  public UsageClientBuilder maxBufferedEvents(int events) {
    if (events < 1) {
      throw new IllegalArgumentException("maxBufferedEvents is " + events + ": pass at least 1");
    }
    this.maxBufferedEvents = events;
    return this;
  }

  /** How long {@code publish} waits for buffer room before failing with BufferFullException. */
  public UsageClientBuilder publishBlockTimeout(Duration timeout) {
    if (timeout == null || timeout.isNegative()) {
      throw new IllegalArgumentException(
          "publishBlockTimeout is " + timeout + ": pass zero or a positive duration");
    }
    this.publishBlockTimeout = timeout;
    return this;
  }

  /** How far in the future an event time may be before it is rejected. */
  public UsageClientBuilder maxFutureSkew(Duration skew) {
    if (skew == null || skew.isNegative()) {
      throw new IllegalArgumentException(
          "maxFutureSkew is " + skew + ": pass zero or a positive duration");
    }
    this.maxFutureSkew = skew;
    return this;
  }

  /** Clock for generated event times and ids and for the future-skew check. */
  public UsageClientBuilder clock(Clock value) {
    this.clock = Objects.requireNonNull(value, "clock must not be null: pass Clock.systemUTC()");
    return this;
  }

  /** Test seam: lets unit tests hand in Kafka's MockProducer. */
  UsageClientBuilder producerFactory(
      Function<Map<String, Object>, Producer<String, byte[]>> factory) {
    this.producerFactory = Objects.requireNonNull(factory, "producerFactory");
    return this;
  }

  public UsageClient build() {
    if (!overrides.containsKey(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)) {
      throw new IllegalStateException("bootstrapServers is not set: call bootstrapServers(...)");
    }
    if (!overrides.containsKey(RegistryClientConfig.URL)) {
      throw new IllegalStateException("registryUrl is not set: call registryUrl(...)");
    }
    UsageClientSettings settings =
        new UsageClientSettings(
            topic,
            defaultTenantId,
            defaultTags,
            producerProperties(),
            maxBufferedEvents,
            publishBlockTimeout,
            maxFutureSkew);
    // Serialized by the client rather than the producer, so the caller's thread can do it once the
    // schema is registered and hand the sender thread bytes (see BoundedSender).
    KafkaAvroSerializer<UsageEvent> serializer = new KafkaAvroSerializer<>();
    serializer.configure(settings.producerProperties(), false);
    Producer<String, byte[]> producer;
    try {
      producer = producerFactory.apply(settings.producerProperties());
    } catch (RuntimeException e) {
      serializer.close(); // its registry client would otherwise outlive the failed build
      throw e;
    }
    return new UsageClient(settings, producer, serializer, clock);
  }

  /** Safe defaults first, then the caller's properties on top. */
  private Map<String, Object> producerProperties() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(DEFAULT_LINGER_MS));
    properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, DEFAULT_COMPRESSION);
    properties.put(ProducerConfig.CLIENT_ID_CONFIG, DEFAULT_CLIENT_ID);
    properties.putAll(overrides);
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    properties.put(
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return properties;
  }
}
