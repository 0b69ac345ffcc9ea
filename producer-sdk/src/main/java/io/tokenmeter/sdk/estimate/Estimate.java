package io.tokenmeter.sdk.estimate;

import io.tokenmeter.pricing.catalog.Unpriced;
import io.tokenmeter.pricing.model.PriceVersion;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a request will cost at most and at least, before it is sent: always an estimate. The input
 * count is exact only when {@link #method()} is {@link TokenCountMethod#EXACT_TOKENIZER}; the
 * output is bounded by the request's own {@code max_tokens}. Costs are USD, exact {@code
 * BigDecimal} at scale 12. When the catalog has no price the costs are empty and {@link
 * #unpriced()} says why: an unpriced model is never reported as costing $0.
 */
public final class Estimate {

  /** Currency of every cost. */
  public static final String CURRENCY = "USD";

  private final String provider;
  private final String model;
  private final TokenCount input;
  private final long maxOutputTokens;
  private final Instant priceTime;
  private final PriceVersion priceVersion;
  private final CostRange cost;
  private final Unpriced unpriced;

  private Estimate(
      String provider,
      String model,
      TokenCount input,
      long maxOutputTokens,
      Instant priceTime,
      PriceVersion priceVersion,
      CostRange cost,
      Unpriced unpriced) {
    this.provider = Objects.requireNonNull(provider, "provider");
    this.model = Objects.requireNonNull(model, "model");
    this.input = Objects.requireNonNull(input, "input");
    this.maxOutputTokens = maxOutputTokens;
    this.priceTime = Objects.requireNonNull(priceTime, "priceTime");
    this.priceVersion = priceVersion;
    this.cost = cost;
    this.unpriced = unpriced;
  }

  static Estimate priced(
      String provider,
      String model,
      TokenCount input,
      long maxOutputTokens,
      Instant priceTime,
      PriceVersion version,
      CostRange cost) {
    return new Estimate(
        provider,
        model,
        input,
        maxOutputTokens,
        priceTime,
        Objects.requireNonNull(version, "version"),
        Objects.requireNonNull(cost, "cost"),
        null);
  }

  static Estimate unpriced(
      String provider,
      String model,
      TokenCount input,
      long maxOutputTokens,
      Instant priceTime,
      Unpriced reason) {
    return new Estimate(
        provider,
        model,
        input,
        maxOutputTokens,
        priceTime,
        null,
        null,
        Objects.requireNonNull(reason, "reason"));
  }

  public String provider() {
    return provider;
  }

  public String model() {
    return model;
  }

  /** Input tokens of the request (exact or approximated, see {@link #method()}). */
  public long inputTokens() {
    return input.tokens();
  }

  /** The most output tokens the request allows, as given. */
  public long maxOutputTokens() {
    return maxOutputTokens;
  }

  /** How the input was counted. */
  public TokenCountMethod method() {
    return input.method();
  }

  /** What counted the input, e.g. {@code "o200k_base + OpenAI chat framing"}. */
  public String countingBasis() {
    return input.basis();
  }

  /** The instant whose prices were used (the estimator's clock). */
  public Instant priceTime() {
    return priceTime;
  }

  /** True when the catalog had a price; false means see {@link #unpriced()}. */
  public boolean isPriced() {
    return priceVersion != null;
  }

  /** The price version used, with its id and source. */
  public Optional<PriceVersion> priceVersion() {
    return Optional.ofNullable(priceVersion);
  }

  /** Cost of the input alone, no cache hits, no output; empty when unpriced. */
  public Optional<BigDecimal> minCost() {
    return cost == null ? Optional.empty() : Optional.of(cost.min());
  }

  /** Cost of the input plus {@link #maxOutputTokens()} of output; empty when unpriced. */
  public Optional<BigDecimal> maxCost() {
    return cost == null ? Optional.empty() : Optional.of(cost.max());
  }

  /** The long-context threshold whose tier prices this request; empty for base rates. */
  public OptionalLong longContextThreshold() {
    return cost == null ? OptionalLong.empty() : cost.longContextThreshold();
  }

  /** Why there is no cost (the pricer's reason and message); empty when priced. */
  public Optional<Unpriced> unpriced() {
    return Optional.ofNullable(unpriced);
  }

  @Override
  public String toString() {
    String costs =
        isPriced()
            ? CURRENCY + " " + cost.min().toPlainString() + " .. " + cost.max().toPlainString()
            : "unpriced (" + unpriced.reason() + ": " + unpriced.message() + ")";
    return "Estimate["
        + provider
        + "/"
        + model
        + ", input="
        + input.tokens()
        + " ("
        + input.method()
        + ", "
        + input.basis()
        + "), maxOutput="
        + maxOutputTokens
        + ", "
        + costs
        + "]";
  }
}
