package io.tokenmeter.sink.config;

import io.tokenmeter.sink.writer.InsertPath;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one sink instance needs, immutable and validated when built. Plain Kafka consumer
 * properties and clickhouse-jdbc connection properties pass through unchanged; the sink only sets
 * the few consumer properties its guarantees depend on (see {@link #consumerProperties()}).
 */
public final class SinkSettings {

  public static final String DEFAULT_GROUP_ID = "tokenmeter-sink";
  public static final int DEFAULT_MAX_BATCH_ROWS = 10_000;

  /**
   * Upper bound of a batch: one batch must stay one ClickHouse insert block (max_insert_block_size
   * defaults to 1,048,576 rows) so that it lands entirely or not at all.
   */
  public static final int MAX_BATCH_ROWS_LIMIT = 1_000_000;

  public static final Duration DEFAULT_MAX_BATCH_WAIT = Duration.ofSeconds(1);
  public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofMillis(200);
  public static final Duration DEFAULT_BACKOFF_INITIAL = Duration.ofMillis(100);
  public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofSeconds(30);
  public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);
  public static final int DEFAULT_RETENTION_DAYS = 0;
  public static final int DEFAULT_DEDUP_WINDOW = 1_000;

  /**
   * RowBinary: no SQL text to render and parse; about 2.7 times the rows/s of VALUES on the
   * embedded endpoint (figures and command: sink/README.md).
   */
  public static final InsertPath DEFAULT_INSERT_PATH = InsertPath.ROW_BINARY;

  public static final boolean DEFAULT_RECOVER_WRITTEN_OFFSETS = true;

  /** All interfaces: a container's probes come from outside its loopback. */
  public static final String DEFAULT_HTTP_HOST = "0.0.0.0";

  /**
   * The port deploy/ probes for /health/live, /health/ready and /metrics. Not 8080: that is the
   * stream processor's API port, and the two may share a host; not 8081 either: that is a schema
   * registry's usual port (the dev registry's default).
   */
  public static final int DEFAULT_HTTP_PORT = 8082;

  /** {@link Builder#httpPort} value that starts no HTTP endpoint at all. */
  public static final int HTTP_PORT_OFF = -1;

  /** {@link Builder#httpPort} value that binds a free port (tests, several sinks on one host). */
  public static final int HTTP_PORT_ANY = 0;

  private static final int MAX_PORT = 65_535;

  private final String bootstrapServers;
  private final String groupId;
  private final String schemaRegistryUrl;
  private final String clickHouseJdbcUrl;
  private final SinkTopics topics;
  private final int maxBatchRows;
  private final Duration maxBatchWait;
  private final Duration pollTimeout;
  private final Duration backoffInitial;
  private final Duration backoffMax;
  private final Duration shutdownTimeout;
  private final int retentionDays;
  private final int dedupWindow;
  private final InsertPath insertPath;
  private final boolean recoverWrittenOffsets;
  private final String httpHost;
  private final int httpPort;
  private final Map<String, Object> extraConsumerProperties;
  private final Map<String, String> jdbcProperties;

  private SinkSettings(Builder b) {
    this.bootstrapServers = required(b.bootstrapServers, "bootstrapServers", "host:9092");
    this.schemaRegistryUrl = required(b.schemaRegistryUrl, "schemaRegistryUrl", "http://host:8081");
    this.clickHouseJdbcUrl =
        required(b.clickHouseJdbcUrl, "clickHouseJdbcUrl", "jdbc:clickhouse://host:8123/default");
    if (!clickHouseJdbcUrl.startsWith("jdbc:clickhouse:")
        && !clickHouseJdbcUrl.startsWith("jdbc:ch:")) {
      throw new IllegalArgumentException(
          "clickHouseJdbcUrl '"
              + clickHouseJdbcUrl
              + "' is not a clickhouse-jdbc URL: write jdbc:clickhouse://host:8123/database");
    }
    this.groupId = required(b.groupId, "groupId", DEFAULT_GROUP_ID);
    this.topics = Objects.requireNonNull(b.topics, "topics");
    if (b.maxBatchRows < 1 || b.maxBatchRows > MAX_BATCH_ROWS_LIMIT) {
      throw new IllegalArgumentException(
          "maxBatchRows must be 1.."
              + MAX_BATCH_ROWS_LIMIT
              + " (one batch is one insert block), got "
              + b.maxBatchRows);
    }
    this.maxBatchRows = b.maxBatchRows;
    this.maxBatchWait = positive(b.maxBatchWait, "maxBatchWait");
    this.pollTimeout = positive(b.pollTimeout, "pollTimeout");
    this.backoffInitial = positive(b.backoffInitial, "backoffInitial");
    this.backoffMax = positive(b.backoffMax, "backoffMax");
    if (backoffMax.compareTo(backoffInitial) < 0) {
      throw new IllegalArgumentException(
          "backoffMax ("
              + backoffMax
              + ") must not be shorter than backoffInitial ("
              + backoffInitial
              + ")");
    }
    this.shutdownTimeout = positive(b.shutdownTimeout, "shutdownTimeout");
    if (b.retentionDays < 0) {
      throw new IllegalArgumentException(
          "retentionDays must be 0 (keep forever) or a number of days, got " + b.retentionDays);
    }
    this.retentionDays = b.retentionDays;
    if (b.dedupWindow < 1) {
      throw new IllegalArgumentException(
          "dedupWindow must be at least 1 (0 would turn insert deduplication off and let a retried"
              + " batch be stored twice), got "
              + b.dedupWindow);
    }
    this.dedupWindow = b.dedupWindow;
    this.insertPath = Objects.requireNonNull(b.insertPath, "insertPath");
    this.recoverWrittenOffsets = b.recoverWrittenOffsets;
    this.httpHost = required(b.httpHost, "httpHost", DEFAULT_HTTP_HOST);
    if (b.httpPort < HTTP_PORT_OFF || b.httpPort > MAX_PORT) {
      throw new IllegalArgumentException(
          "httpPort must be a TCP port (1.."
              + MAX_PORT
              + "), 0 for a free port or -1 for no HTTP endpoint, got "
              + b.httpPort);
    }
    this.httpPort = b.httpPort;
    this.extraConsumerProperties = Map.copyOf(b.consumerProperties);
    this.jdbcProperties = Map.copyOf(b.jdbcProperties);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The consumer's properties: the pass-through ones, then what the guarantees need. {@code
   * enable.auto.commit=false} is forced (offsets are committed only after ClickHouse has the rows);
   * {@code isolation.level} defaults to {@code read_committed} because the stream processor writes
   * with exactly-once transactions and aborted records must not reach ClickHouse.
   */
  public Map<String, Object> consumerProperties() {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("isolation.level", "read_committed");
    props.put("auto.offset.reset", "earliest");
    props.put("client.id", groupId);
    props.putAll(extraConsumerProperties);
    props.put("bootstrap.servers", bootstrapServers);
    props.put("group.id", groupId);
    props.put("enable.auto.commit", "false");
    props.put("schema.registry.url", schemaRegistryUrl);
    return Map.copyOf(props);
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public String groupId() {
    return groupId;
  }

  public String schemaRegistryUrl() {
    return schemaRegistryUrl;
  }

  public String clickHouseJdbcUrl() {
    return clickHouseJdbcUrl;
  }

  public SinkTopics topics() {
    return topics;
  }

  public int maxBatchRows() {
    return maxBatchRows;
  }

  public Duration maxBatchWait() {
    return maxBatchWait;
  }

  public Duration pollTimeout() {
    return pollTimeout;
  }

  public Duration backoffInitial() {
    return backoffInitial;
  }

  public Duration backoffMax() {
    return backoffMax;
  }

  public Duration shutdownTimeout() {
    return shutdownTimeout;
  }

  public int retentionDays() {
    return retentionDays;
  }

  public int dedupWindow() {
    return dedupWindow;
  }

  public InsertPath insertPath() {
    return insertPath;
  }

  public boolean recoverWrittenOffsets() {
    return recoverWrittenOffsets;
  }

  /** Interface the health and metrics endpoint binds to. */
  public String httpHost() {
    return httpHost;
  }

  /** Port of the health and metrics endpoint: 0 = a free port, -1 = no endpoint. */
  public int httpPort() {
    return httpPort;
  }

  /** clickhouse-jdbc connection properties, unchanged ({@code user}, {@code password}, ...). */
  public Map<String, String> jdbcProperties() {
    return jdbcProperties;
  }

  private static String required(String value, String name, String example) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required, e.g. " + example);
    }
    return value.strip();
  }

  private static Duration positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
    return value;
  }

  /**
   * Collects settings; {@link #build()} validates them. Everything but the three endpoints has a
   * default.
   */
  public static final class Builder {
    private String bootstrapServers;
    private String groupId = DEFAULT_GROUP_ID;
    private String schemaRegistryUrl;
    private String clickHouseJdbcUrl;
    private SinkTopics topics = SinkTopics.defaults();
    private int maxBatchRows = DEFAULT_MAX_BATCH_ROWS;
    private Duration maxBatchWait = DEFAULT_MAX_BATCH_WAIT;
    private Duration pollTimeout = DEFAULT_POLL_TIMEOUT;
    private Duration backoffInitial = DEFAULT_BACKOFF_INITIAL;
    private Duration backoffMax = DEFAULT_BACKOFF_MAX;
    private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;
    private int retentionDays = DEFAULT_RETENTION_DAYS;
    private int dedupWindow = DEFAULT_DEDUP_WINDOW;
    private InsertPath insertPath = DEFAULT_INSERT_PATH;
    private boolean recoverWrittenOffsets = DEFAULT_RECOVER_WRITTEN_OFFSETS;
    private String httpHost = DEFAULT_HTTP_HOST;
    private int httpPort = DEFAULT_HTTP_PORT;
    private final Map<String, Object> consumerProperties = new LinkedHashMap<>();
    private final Map<String, String> jdbcProperties = new LinkedHashMap<>();

    private Builder() {}

    public Builder bootstrapServers(String value) {
      this.bootstrapServers = value;
      return this;
    }

    public Builder groupId(String value) {
      this.groupId = value;
      return this;
    }

    public Builder schemaRegistryUrl(String value) {
      this.schemaRegistryUrl = value;
      return this;
    }

    public Builder clickHouseJdbcUrl(String value) {
      this.clickHouseJdbcUrl = value;
      return this;
    }

    public Builder topics(SinkTopics value) {
      this.topics = value;
      return this;
    }

    /**
     * Rows per batch before it is written; default {@value SinkSettings#DEFAULT_MAX_BATCH_ROWS}.
     */
    public Builder maxBatchRows(int value) {
      this.maxBatchRows = value;
      return this;
    }

    /** Longest a record waits in a buffer before its batch is written; default 1 s. */
    public Builder maxBatchWait(Duration value) {
      this.maxBatchWait = value;
      return this;
    }

    public Builder pollTimeout(Duration value) {
      this.pollTimeout = value;
      return this;
    }

    /** First retry delay after a retriable error; doubles up to {@link #backoffMax}. */
    public Builder backoffInitial(Duration value) {
      this.backoffInitial = value;
      return this;
    }

    public Builder backoffMax(Duration value) {
      this.backoffMax = value;
      return this;
    }

    /** How long {@code close()} may take in total; default 10 s. */
    public Builder shutdownTimeout(Duration value) {
      this.shutdownTimeout = value;
      return this;
    }

    /** Table TTL in days, substituted into the migrations; 0 (default) keeps rows forever. */
    public Builder retentionDays(int value) {
      this.retentionDays = value;
      return this;
    }

    /** {@code non_replicated_deduplication_window} of the tables; default 1000 blocks. */
    public Builder dedupWindow(int value) {
      this.dedupWindow = value;
      return this;
    }

    public Builder insertPath(InsertPath value) {
      this.insertPath = value;
      return this;
    }

    /**
     * On partition assignment, read the highest Kafka offset already in ClickHouse and skip what is
     * at or below it (default true): protects against a crash between insert and commit even when
     * the batch boundaries after restart differ from the ones before.
     */
    public Builder recoverWrittenOffsets(boolean value) {
      this.recoverWrittenOffsets = value;
      return this;
    }

    /**
     * Interface of the health and metrics endpoint; default all ({@value
     * SinkSettings#DEFAULT_HTTP_HOST}).
     */
    public Builder httpHost(String value) {
      this.httpHost = value;
      return this;
    }

    /**
     * Port of the health and metrics endpoint; default {@value SinkSettings#DEFAULT_HTTP_PORT}, 0
     * for a free port, -1 for none.
     */
    public Builder httpPort(int value) {
      this.httpPort = value;
      return this;
    }

    /** A Kafka consumer property, passed through (a few are forced: see consumerProperties()). */
    public Builder consumerProperty(String key, Object value) {
      consumerProperties.put(Objects.requireNonNull(key, "key"), value);
      return this;
    }

    /** A clickhouse-jdbc connection property, passed through unchanged. */
    public Builder jdbcProperty(String key, String value) {
      jdbcProperties.put(Objects.requireNonNull(key, "key"), value);
      return this;
    }

    public SinkSettings build() {
      return new SinkSettings(this);
    }
  }
}
