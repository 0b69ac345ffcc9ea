package io.tokenmeter.embedded.clickhouse.http;

import com.sun.net.httpserver.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks a request's credentials against the configured users, in ClickHouse's order: the {@code
 * Authorization} header, then {@code X-ClickHouse-User}/{@code X-ClickHouse-Key}, then the {@code
 * user}/{@code password} URL parameters, else the user {@code default} with no password.
 *
 * <p>clickhouse-jdbc 0.9.4 sends the literal password {@code null} when the application set no
 * password at all ({@code default:null}), so a user configured with an <em>empty</em> password also
 * accepts {@code null}. A user with a real password must present it exactly.
 */
final class Authenticator {

  static final String DRIVER_NO_PASSWORD = "null";
  private static final String RFC5987_UTF8 = "UTF-8''";

  private final Map<String, ClickHouseUser> users;

  Authenticator(List<ClickHouseUser> users) {
    this.users =
        users.stream()
            .collect(Collectors.toUnmodifiableMap(ClickHouseUser::name, Function.identity()));
  }

  /** Returns the authenticated user name, or throws the 401/403 ClickHouse would send. */
  String authenticate(Headers headers, QueryParameters parameters, String version)
      throws ClickHouseError {
    String[] credentials = credentials(headers, parameters, version);
    String name = credentials[0];
    String password = credentials[1];
    ClickHouseUser user = users.get(name);
    if (user == null || !passwordMatches(user, password)) {
      throw ClickHouseError.of(
          ErrorCodes.AUTHENTICATION_FAILED,
          name
              + ": Authentication failed: password is incorrect, or there is no user with such"
              + " name",
          version);
    }
    return name;
  }

  private static boolean passwordMatches(ClickHouseUser user, String presented) {
    if (user.password().isEmpty() && DRIVER_NO_PASSWORD.equals(presented)) {
      return true;
    }
    // Constant-time comparison: the endpoint may listen beyond loopback.
    return MessageDigest.isEqual(
        user.password().getBytes(StandardCharsets.UTF_8),
        presented.getBytes(StandardCharsets.UTF_8));
  }

  private static String[] credentials(Headers headers, QueryParameters parameters, String version)
      throws ClickHouseError {
    String authorization = headers.getFirst("Authorization");
    if (authorization != null) {
      return fromAuthorization(authorization.strip(), version);
    }
    String headerUser = headers.getFirst("X-ClickHouse-User");
    if (headerUser != null) {
      return new String[] {headerUser, headerKey(headers, version)};
    }
    Optional<String> urlUser = parameters.first("user");
    if (urlUser.isPresent()) {
      return new String[] {urlUser.get(), parameters.first("password").orElse("")};
    }
    return new String[] {ClickHouseUser.DEFAULT.name(), ""};
  }

  private static String[] fromAuthorization(String authorization, String version)
      throws ClickHouseError {
    String scheme = authorization.split(" ", 2)[0].toLowerCase(Locale.ROOT);
    if (!scheme.equals("basic")) {
      throw ClickHouseError.of(
          ErrorCodes.AUTHENTICATION_FAILED,
          "Authorization scheme '"
              + scheme
              + "' is not supported by the embedded endpoint; use Basic (user and password)",
          version);
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring("Basic".length()).strip()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ClickHouseError.of(
          ErrorCodes.AUTHENTICATION_FAILED, "The Basic credentials are not valid base64", version);
    }
    int colon = decoded.indexOf(':');
    return colon < 0
        ? new String[] {decoded, ""}
        : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
  }

  private static String headerKey(Headers headers, String version) throws ClickHouseError {
    String key = headers.getFirst("X-ClickHouse-Key");
    if (key != null) {
      return key;
    }
    // clickhouse-jdbc sends non-ASCII passwords RFC 5987 style: X-ClickHouse-Key*: UTF-8''p%40ss
    String extended = headers.getFirst("X-ClickHouse-Key*");
    if (extended == null) {
      return "";
    }
    if (!extended.regionMatches(true, 0, RFC5987_UTF8, 0, RFC5987_UTF8.length())) {
      throw ClickHouseError.of(
          ErrorCodes.AUTHENTICATION_FAILED,
          "X-ClickHouse-Key* must be UTF-8''<percent-encoded password>",
          version);
    }
    return URLDecoder.decode(
        extended.substring(RFC5987_UTF8.length()).replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
