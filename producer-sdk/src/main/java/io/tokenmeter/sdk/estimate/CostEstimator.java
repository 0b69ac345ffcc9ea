package io.tokenmeter.sdk.estimate;

import io.tokenmeter.pricing.DefaultCatalog;
import io.tokenmeter.pricing.catalog.PriceCatalog;
import io.tokenmeter.pricing.catalog.Resolution;
import io.tokenmeter.pricing.catalog.Unpriced;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Estimates the cost of a request before it is sent: counts its input tokens ({@link
 * TokenCounter}), resolves the price in force now (the injected {@link Clock}) in a local catalog
 * snapshot, and bounds the cost between input-only and input plus {@code maxOutputTokens}. Nothing
 * is sent anywhere. Thread-safe; build one and share it (building reads the catalog).
 *
 * <pre>{@code
 * CostEstimator estimator = CostEstimator.builder().build();   // shipped catalog, system clock
 * Estimate e = estimator.estimate("openai", "gpt-4o",
 *     List.of(ChatMessage.system("Be brief."), ChatMessage.user(question)), 500);
 * e.maxCost();   // Optional<BigDecimal>, empty when the catalog has no price
 * }</pre>
 */
public final class CostEstimator {

  private static final Logger LOGGER = LoggerFactory.getLogger(CostEstimator.class);

  private final PriceCatalog catalog;
  private final Clock clock;
  private final TokenCounter tokenCounter;
  private final String tenantId;
  private final String serviceTier;

  private CostEstimator(Builder builder) {
    this.catalog = builder.catalog != null ? builder.catalog : DefaultCatalog.catalog();
    this.clock = builder.clock;
    this.tokenCounter = builder.tokenCounter;
    this.tenantId = builder.tenantId;
    this.serviceTier = builder.serviceTier;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Estimate for a plain prompt (no chat framing). */
  public Estimate estimate(String provider, String model, String prompt, long maxOutputTokens) {
    requireNames(provider, model);
    requireMaxOutput(maxOutputTokens);
    return estimate(provider, model, tokenCounter.countPrompt(model, prompt), maxOutputTokens);
  }

  /** Estimate for a chat request; the chat format's framing tokens are counted. */
  public Estimate estimate(
      String provider, String model, List<ChatMessage> messages, long maxOutputTokens) {
    requireNames(provider, model);
    requireMaxOutput(maxOutputTokens);
    return estimate(provider, model, tokenCounter.countMessages(model, messages), maxOutputTokens);
  }

  /** Estimate for an input you counted yourself (e.g. with a provider's count-tokens endpoint). */
  public Estimate estimate(String provider, String model, TokenCount input, long maxOutputTokens) {
    requireNames(provider, model);
    requireMaxOutput(maxOutputTokens);
    Objects.requireNonNull(input, "input token count");
    Instant now = clock.instant();
    Resolution resolution = catalog.resolve(provider, model, serviceTier, tenantId, now);
    if (resolution instanceof Unpriced unpriced) {
      LOGGER.debug("no price for {}/{}: {}", provider, model, unpriced.reason());
      return Estimate.unpriced(provider, model, input, maxOutputTokens, now, unpriced);
    }
    Resolution.Found found = (Resolution.Found) resolution;
    CostRange cost = CostRange.of(found.version(), input.tokens(), maxOutputTokens);
    return Estimate.priced(provider, model, input, maxOutputTokens, now, found.version(), cost);
  }

  private static void requireNames(String provider, String model) {
    if (provider == null || provider.isBlank()) {
      throw new IllegalArgumentException(
          "provider is missing; give the provider id the usage will be published with, e.g."
              + " \"openai\" or \"anthropic\"");
    }
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("model is missing; give the model name of the request");
    }
  }

  private static void requireMaxOutput(long maxOutputTokens) {
    if (maxOutputTokens < 0) {
      throw new IllegalArgumentException(
          "maxOutputTokens is "
              + maxOutputTokens
              + "; give the request's max_tokens (0 for embeddings)");
    }
  }

  /** Settings of a {@link CostEstimator}; every setter validates at once. */
  public static final class Builder {
    private PriceCatalog catalog;
    private Clock clock = Clock.systemUTC();
    private TokenCounter tokenCounter = new DefaultTokenCounter();
    private String tenantId;
    private String serviceTier;

    private Builder() {}

    /** Prices to use; default: the shipped catalog ({@code DefaultCatalog.catalog()}). */
    public Builder catalog(PriceCatalog priceCatalog) {
      this.catalog = Objects.requireNonNull(priceCatalog, "catalog");
      return this;
    }

    /** Clock whose instant picks the price version in force; default system UTC. */
    public Builder clock(Clock priceClock) {
      this.clock = Objects.requireNonNull(priceClock, "clock");
      return this;
    }

    /** Token counter; default {@link DefaultTokenCounter}. */
    public Builder tokenCounter(TokenCounter counter) {
      this.tokenCounter = Objects.requireNonNull(counter, "tokenCounter");
      return this;
    }

    /** Tenant whose negotiated prices apply first; default none (global prices). */
    public Builder tenant(String tenant) {
      if (tenant == null || tenant.isBlank()) {
        throw new IllegalArgumentException("tenant is blank; omit the call for global prices");
      }
      this.tenantId = tenant;
      return this;
    }

    /** Service tier such as {@code batch} or {@code priority}; default standard. */
    public Builder serviceTier(String tier) {
      if (tier == null || tier.isBlank()) {
        throw new IllegalArgumentException("service tier is blank; omit the call for standard");
      }
      this.serviceTier = tier;
      return this;
    }

    public CostEstimator build() {
      return new CostEstimator(this);
    }
  }
}
