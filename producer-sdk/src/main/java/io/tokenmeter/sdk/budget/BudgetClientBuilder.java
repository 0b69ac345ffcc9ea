package io.tokenmeter.sdk.budget;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** Builds a {@link BudgetClient}; each setter checks its argument and says how to fix it. */
public final class BudgetClientBuilder {
  /**
   * A pre-call check sits on the request path: long enough for a processor under load, short enough
   * that an outage costs the caller at most this much per call.
   */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);

  /** Metering trouble must not stop the product unless the caller asks for that. */
  public static final UnavailablePolicy DEFAULT_POLICY = UnavailablePolicy.FAIL_OPEN;

  private static final Set<String> SCHEMES = Set.of("http", "https");

  private String baseUrl;
  private String token;
  private Duration timeout = DEFAULT_TIMEOUT;
  private UnavailablePolicy policy = DEFAULT_POLICY;
  private Function<String, String> tenantBudgetId;

  BudgetClientBuilder() {}

  /** The processor's API, e.g. {@code http://processor:8080}. Required. */
  public BudgetClientBuilder baseUrl(String url) {
    String scheme = "";
    try {
      URI uri = new URI(url == null ? "" : url.strip());
      scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (uri.getHost() == null) {
        scheme = "";
      }
    } catch (URISyntaxException e) {
      scheme = "";
    }
    if (!SCHEMES.contains(scheme)) {
      throw new IllegalArgumentException(
          "baseUrl '"
              + url
              + "' is not an http(s) URL: pass the processor API, e.g. http://host:8080");
    }
    this.baseUrl = url.strip();
    return this;
  }

  /** A bearer token from the processor's API token configuration (tenant or admin). Required. */
  public BudgetClientBuilder token(String bearerToken) {
    if (bearerToken == null || bearerToken.isBlank()) {
      throw new IllegalArgumentException(
          "token is blank: pass a bearer token configured on the processor (tenant or admin)");
    }
    this.token = bearerToken.strip();
    return this;
  }

  /** Bound of one check: connecting plus the answer. Defaults to 1 s. */
  public BudgetClientBuilder timeout(Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException("timeout is " + value + ": pass a positive duration");
    }
    this.timeout = value;
    return this;
  }

  /** What a check returns when the API cannot answer; defaults to {@code FAIL_OPEN}. */
  public BudgetClientBuilder whenUnavailable(UnavailablePolicy value) {
    this.policy =
        Objects.requireNonNull(value, "whenUnavailable: pass FAIL_OPEN, FAIL_CLOSED or THROW");
    return this;
  }

  /**
   * How the tenant's own budget is named, for {@link BudgetClient#checkBudget(String)}; e.g. {@code
   * tenant -> tenant + "-monthly"}. Budget ids are free names chosen with {@code ./tokenmeter
   * budgets set --id}.
   */
  public BudgetClientBuilder tenantBudgetId(Function<String, String> naming) {
    this.tenantBudgetId =
        Objects.requireNonNull(naming, "tenantBudgetId: pass a function from tenant to budget id");
    return this;
  }

  public BudgetClient build() {
    if (baseUrl == null) {
      throw new IllegalStateException("baseUrl is not set: call baseUrl(\"http://host:8080\")");
    }
    if (token == null) {
      throw new IllegalStateException("token is not set: call token(...) with an API token");
    }
    return new BudgetClient(new SpendApiHttp(baseUrl, token, timeout), policy, tenantBudgetId);
  }
}
