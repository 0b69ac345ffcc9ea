package io.tokenmeter.embedded.clickhouse.http;

import java.util.Objects;

/**
 * A user the endpoint accepts.
 *
 * @param name the user name, as clients send it ({@code default} unless configured)
 * @param password the password; empty means "no password"
 */
public record ClickHouseUser(String name, String password) {

  /** ClickHouse's out-of-the-box user: {@code default} with no password. */
  public static final ClickHouseUser DEFAULT = new ClickHouseUser("default", "");

  public ClickHouseUser {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(password, "password (use \"\" for no password)");
    if (name.isBlank()) {
      throw new IllegalArgumentException(
          "A user name must not be blank; ClickHouse's is \"default\"");
    }
  }

  @Override
  public String toString() {
    // Never let a password reach a log line.
    return "ClickHouseUser[name="
        + name
        + ", password="
        + (password.isEmpty() ? "<none>" : "***")
        + "]";
  }
}
