package io.tokenmeter.devregistry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of a {@link DevRegistry}. Immutable; build with {@link #builder()}. Every setter checks
 * its value at once and says how to fix a bad one.
 */
public final class DevRegistryConfig {
  /** Loopback only by default: this is a development server without authentication. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** 0 asks the operating system for a free port (what tests want). */
  public static final int DEFAULT_PORT = 0;

  /**
   * Confluent answers an incompatible registration with HTTP 409 and {@code error_code} 409 up to
   * 8.0.3/8.1.1 (and so do Karapace and Apicurio); newer Confluent releases use 40901.
   */
  public static final int DEFAULT_INCOMPATIBLE_ERROR_CODE = 409;

  /** How long {@link DevRegistry#close()} waits for requests in flight. */
  public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(1);

  private final String host;
  private final int port;
  private final Path dataDir;
  private final int incompatibleErrorCode;
  private final Duration shutdownGrace;

  private DevRegistryConfig(Builder builder) {
    this.host = builder.host;
    this.port = builder.port;
    this.dataDir = builder.dataDir;
    this.incompatibleErrorCode = builder.incompatibleErrorCode;
    this.shutdownGrace = builder.shutdownGrace;
  }

  public static Builder builder() {
    return new Builder();
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  /** Where state is kept across restarts; empty means in memory only. */
  public Optional<Path> dataDir() {
    return Optional.ofNullable(dataDir);
  }

  public int incompatibleErrorCode() {
    return incompatibleErrorCode;
  }

  public Duration shutdownGrace() {
    return shutdownGrace;
  }

  /** Builds a {@link DevRegistryConfig}; all settings have defaults. */
  public static final class Builder {
    private String host = DEFAULT_HOST;
    private int port = DEFAULT_PORT;
    private Path dataDir;
    private int incompatibleErrorCode = DEFAULT_INCOMPATIBLE_ERROR_CODE;
    private Duration shutdownGrace = DEFAULT_SHUTDOWN_GRACE;

    private Builder() {}

    public Builder host(String host) {
      Objects.requireNonNull(host, "host must not be null; use \"127.0.0.1\" for loopback");
      if (host.isBlank()) {
        throw new IllegalArgumentException("host is blank; use \"127.0.0.1\" for loopback only");
      }
      this.host = host;
      return this;
    }

    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException(
            "port " + port + " is outside 0..65535; use 0 to pick a free port");
      }
      this.port = port;
      return this;
    }

    /** Keeps state in {@code dataDir} (created if needed); null means in memory only. */
    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    public Builder incompatibleErrorCode(int code) {
      if (code != 409 && code != 40901) {
        throw new IllegalArgumentException(
            "incompatibleErrorCode " + code + " is not one Confluent uses; use 409 or 40901");
      }
      this.incompatibleErrorCode = code;
      return this;
    }

    public Builder shutdownGrace(Duration grace) {
      Objects.requireNonNull(grace, "shutdownGrace must not be null; use Duration.ZERO for none");
      if (grace.isNegative() || grace.compareTo(Duration.ofMinutes(1)) > 0) {
        throw new IllegalArgumentException(
            "shutdownGrace "
                + grace
                + " is outside 0..60s; use a value like Duration.ofSeconds(1)");
      }
      this.shutdownGrace = grace;
      return this;
    }

    public DevRegistryConfig build() {
      return new DevRegistryConfig(this);
    }
  }
}
