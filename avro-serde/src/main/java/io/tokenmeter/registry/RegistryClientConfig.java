package io.tokenmeter.registry;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Immutable settings of a registry client, read from a {@code Map<String, ?>} with Confluent's key
 * names so existing client configurations carry over. Keys may also carry the {@code
 * schema.registry.} prefix, which wins over the bare key (Confluent's deprecated alias rule).
 */
public final class RegistryClientConfig {
  public static final String URL = "schema.registry.url";
  public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
  public static final String BEARER_AUTH_CREDENTIALS_SOURCE = "bearer.auth.credentials.source";
  public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";
  public static final String CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
  public static final String READ_TIMEOUT_MS = "http.read.timeout.ms";
  public static final String MAX_RETRIES = "max.retries";
  public static final String RETRIES_WAIT_MS = "retries.wait.ms";
  public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";
  public static final String REQUEST_HEADER_PREFIX = "request.header.";

  /** Confluent's defaults, so behaviour matches its client. */
  public static final long DEFAULT_CONNECT_TIMEOUT_MS = 60_000;

  public static final long DEFAULT_READ_TIMEOUT_MS = 60_000;
  public static final int DEFAULT_MAX_RETRIES = 3;
  public static final long DEFAULT_RETRIES_WAIT_MS = 1_000;
  public static final long DEFAULT_RETRIES_MAX_WAIT_MS = 20_000;
  public static final String MOCK_SCHEME = "mock";

  private static final String PREFIX = "schema.registry.";

  /** Where Basic auth credentials come from. */
  public enum BasicAuthSource {
    /** {@code user:password@} in the registry URL. */
    URL,
    /** {@code basic.auth.user.info}. */
    USER_INFO
  }

  private final List<URI> urls;
  private final BasicAuthSource basicAuthSource;
  private final String basicAuthUserInfo;
  private final String bearerToken;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final int maxRetries;
  private final Duration retriesWait;
  private final Duration retriesMaxWait;
  private final Map<String, String> requestHeaders;

  private RegistryClientConfig(Map<String, String> settings) {
    urls = RegistryUrls.parse(URL, settings.get(URL));
    basicAuthSource = parseBasicSource(settings.getOrDefault(BASIC_AUTH_CREDENTIALS_SOURCE, "URL"));
    basicAuthUserInfo = settings.getOrDefault(BASIC_AUTH_USER_INFO, "");
    bearerToken = parseBearerToken(settings);
    connectTimeout =
        Duration.ofMillis(nonNegative(settings, CONNECT_TIMEOUT_MS, DEFAULT_CONNECT_TIMEOUT_MS));
    readTimeout =
        Duration.ofMillis(nonNegative(settings, READ_TIMEOUT_MS, DEFAULT_READ_TIMEOUT_MS));
    maxRetries = (int) nonNegative(settings, MAX_RETRIES, DEFAULT_MAX_RETRIES);
    retriesWait =
        Duration.ofMillis(nonNegative(settings, RETRIES_WAIT_MS, DEFAULT_RETRIES_WAIT_MS));
    retriesMaxWait =
        Duration.ofMillis(nonNegative(settings, RETRIES_MAX_WAIT_MS, DEFAULT_RETRIES_MAX_WAIT_MS));
    requestHeaders = headers(settings);
    validateCombination();
  }

  /** Reads the settings; unknown keys are ignored so whole Kafka configs can be passed. */
  public static RegistryClientConfig fromMap(Map<String, ?> configs) {
    Map<String, String> bare = new LinkedHashMap<>();
    configs.forEach(
        (key, value) -> {
          if (value != null && !key.startsWith(PREFIX)) {
            bare.put(key, String.valueOf(value).trim());
          }
        });
    configs.forEach(
        (key, value) -> {
          if (value != null && key.startsWith(PREFIX)) {
            String stripped = key.equals(URL) ? key : key.substring(PREFIX.length());
            bare.put(stripped, String.valueOf(value).trim());
          }
        });
    return new RegistryClientConfig(bare);
  }

  /** Settings with defaults for one URL (or a comma-separated list). */
  public static RegistryClientConfig forUrl(String url) {
    return fromMap(Map.of(URL, url));
  }

  private static BasicAuthSource parseBasicSource(String value) {
    try {
      return BasicAuthSource.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          BASIC_AUTH_CREDENTIALS_SOURCE
              + " '"
              + value
              + "' is not supported; use URL (user:password@ in the URL) or USER_INFO (with "
              + BASIC_AUTH_USER_INFO
              + ")",
          e);
    }
  }

  private static String parseBearerToken(Map<String, String> settings) {
    String source = settings.getOrDefault(BEARER_AUTH_CREDENTIALS_SOURCE, "STATIC_TOKEN");
    if (!source.equalsIgnoreCase("STATIC_TOKEN")) {
      throw new IllegalArgumentException(
          BEARER_AUTH_CREDENTIALS_SOURCE
              + " '"
              + source
              + "' is not supported; use STATIC_TOKEN with "
              + BEARER_AUTH_TOKEN);
    }
    return settings.getOrDefault(BEARER_AUTH_TOKEN, "");
  }

  private static long nonNegative(Map<String, String> settings, String key, long defaultValue) {
    String raw = settings.get(key);
    if (raw == null || raw.isEmpty()) {
      return defaultValue;
    }
    try {
      long value = Long.parseLong(raw);
      if (value >= 0 && value <= Integer.MAX_VALUE) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the key name
    }
    throw new IllegalArgumentException(
        key + " '" + raw + "' must be a whole number from 0 to " + Integer.MAX_VALUE);
  }

  private static Map<String, String> headers(Map<String, String> settings) {
    Map<String, String> result = new LinkedHashMap<>();
    settings.forEach(
        (key, value) -> {
          if (key.startsWith(REQUEST_HEADER_PREFIX)
              && key.length() > REQUEST_HEADER_PREFIX.length()) {
            result.put(key.substring(REQUEST_HEADER_PREFIX.length()), value);
          }
        });
    return Map.copyOf(result);
  }

  private void validateCombination() {
    if (basicAuthSource == BasicAuthSource.USER_INFO && !basicAuthUserInfo.contains(":")) {
      throw new IllegalArgumentException(
          BASIC_AUTH_USER_INFO
              + " must be 'user:password' when "
              + BASIC_AUTH_CREDENTIALS_SOURCE
              + "=USER_INFO");
    }
    if (!bearerToken.isEmpty() && !basicAuthUserInfo.isEmpty()) {
      throw new IllegalArgumentException(
          "Both "
              + BEARER_AUTH_TOKEN
              + " and "
              + BASIC_AUTH_USER_INFO
              + " are set; configure only one way to authenticate");
    }
    if (retriesWait.compareTo(retriesMaxWait) > 0) {
      throw new IllegalArgumentException(
          RETRIES_WAIT_MS + " must not exceed " + RETRIES_MAX_WAIT_MS + "; raise the maximum");
    }
  }

  /** The base URLs, in order; user info is still inside for {@link BasicAuthSource#URL}. */
  public List<URI> urls() {
    return urls;
  }

  /** The scope name when the URL is {@code mock://scope}. */
  public Optional<String> mockScope() {
    URI first = urls.get(0);
    if (!RegistryUrls.isMock(first)) {
      return Optional.empty();
    }
    String authority = first.getAuthority();
    return Optional.of(authority == null ? "" : authority);
  }

  public BasicAuthSource basicAuthSource() {
    return basicAuthSource;
  }

  /** {@code user:password} for {@link BasicAuthSource#USER_INFO}; empty if unset. */
  public String basicAuthUserInfo() {
    return basicAuthUserInfo;
  }

  /** Static bearer token; empty if unset. */
  public String bearerToken() {
    return bearerToken;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration readTimeout() {
    return readTimeout;
  }

  /** Retries per URL after the first attempt. */
  public int maxRetries() {
    return maxRetries;
  }

  public Duration retriesWait() {
    return retriesWait;
  }

  public Duration retriesMaxWait() {
    return retriesMaxWait;
  }

  /** Extra headers from {@code request.header.<Name>} keys. */
  public Map<String, String> requestHeaders() {
    return requestHeaders;
  }

  @Override
  public String toString() {
    // Never prints credentials.
    return "RegistryClientConfig{urls="
        + urls.size()
        + ", basicAuthSource="
        + basicAuthSource
        + ", bearer="
        + !bearerToken.isEmpty()
        + ", maxRetries="
        + maxRetries
        + "}";
  }
}
