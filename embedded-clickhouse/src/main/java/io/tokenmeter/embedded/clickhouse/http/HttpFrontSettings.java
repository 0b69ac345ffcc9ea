package io.tokenmeter.embedded.clickhouse.http;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of the HTTP front.
 *
 * @param host the address to listen on
 * @param port the port; 0 picks a free one
 * @param users the accepted users (at least one)
 * @param maxRequestBytes the largest request body accepted, after decompression too
 */
public record HttpFrontSettings(
    String host, int port, List<ClickHouseUser> users, long maxRequestBytes) {

  /** Loopback only: the endpoint is for tests and local development. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** Any free port. */
  public static final int DEFAULT_PORT = 0;

  /** 256 MiB: far above a sink batch, far below what would exhaust a test JVM. */
  public static final long DEFAULT_MAX_REQUEST_BYTES = 256L * 1024 * 1024;

  /** The largest limit a request body (one Java array) can have. */
  public static final long LARGEST_MAX_REQUEST_BYTES = Integer.MAX_VALUE - 16;

  public HttpFrontSettings {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank; use " + DEFAULT_HOST);
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(
          "port must be between 0 (any free port) and 65535, got " + port);
    }
    users = List.copyOf(Objects.requireNonNull(users, "users"));
    if (users.isEmpty()) {
      throw new IllegalArgumentException(
          "at least one user is needed; ClickHouseUser.DEFAULT is ClickHouse's own default");
    }
    Set<String> names = new HashSet<>();
    for (ClickHouseUser user : users) {
      if (!names.add(user.name())) {
        throw new IllegalArgumentException("user '" + user.name() + "' is configured twice");
      }
    }
    if (maxRequestBytes < 1 || maxRequestBytes > LARGEST_MAX_REQUEST_BYTES) {
      throw new IllegalArgumentException(
          "maxRequestBytes must be between 1 and "
              + LARGEST_MAX_REQUEST_BYTES
              + " (default "
              + DEFAULT_MAX_REQUEST_BYTES
              + "), got "
              + maxRequestBytes);
    }
  }

  /** Loopback, a free port, user {@code default} without password, 256 MiB requests. */
  public static HttpFrontSettings defaults() {
    return new HttpFrontSettings(
        DEFAULT_HOST, DEFAULT_PORT, List.of(ClickHouseUser.DEFAULT), DEFAULT_MAX_REQUEST_BYTES);
  }
}
