package io.tokenmeter.sdk.estimate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Objects;

/**
 * How a model whose tokenizer is not public is approximated: its o200k_base count times {@code
 * factor}, rounded up. The factors lean high because the estimate's maximum is meant as a budget
 * ceiling; they are labelled in every result, never presented as exact.
 *
 * @param family a model-name fragment ({@code "claude"}) or {@code "*"} for any model
 * @param factor multiplier of the o200k_base count, at least 1 is usual
 * @param source why this factor, readable
 */
public record ApproximationFactor(String family, BigDecimal factor, String source) {

  /**
   * Claude: Anthropic's tokenizer splits the same text into more tokens than GPT-4o's. A published
   * comparison (VentureBeat, "Hidden costs in AI deployment: Why Claude models may be 20-30% more
   * expensive than GPT in enterprise settings", 2025) measured Claude 3.5 Sonnet against GPT-4o at
   * about +16% on English prose, +21% on maths and +30% on Python code; the upper end is used.
   */
  public static final ApproximationFactor CLAUDE =
      new ApproximationFactor(
          "claude",
          new BigDecimal("1.30"),
          "Claude tokenizer measured at +16% (prose) to +30% (code) over o200k_base");

  /**
   * Gemini and Gemma: no published comparison with o200k_base was found; Google documents about 4
   * characters per token for Gemini, close to o200k_base on English. A 10% margin is added.
   */
  public static final ApproximationFactor GEMINI =
      new ApproximationFactor(
          "gemini", new BigDecimal("1.10"), "no public Gemini tokenizer; o200k_base + 10% margin");

  /** Gemma shares Gemini's tokenizer. */
  public static final ApproximationFactor GEMMA =
      new ApproximationFactor(
          "gemma", new BigDecimal("1.10"), "no public Gemma tokenizer; o200k_base + 10% margin");

  /** Any other model (Mistral, Llama, DeepSeek, Grok...): o200k_base with a 20% margin. */
  public static final ApproximationFactor ANY_OTHER =
      new ApproximationFactor(
          "*", new BigDecimal("1.20"), "tokenizer unknown here; o200k_base + 20% margin");

  public ApproximationFactor {
    if (family == null || family.isBlank()) {
      throw new IllegalArgumentException("give a model-name fragment such as \"claude\", or \"*\"");
    }
    family = family.trim().toLowerCase(Locale.ROOT);
    Objects.requireNonNull(factor, "factor");
    if (factor.signum() <= 0) {
      throw new IllegalArgumentException(
          "approximation factor of " + family + " must be positive, was " + factor);
    }
    Objects.requireNonNull(source, "source: say where the factor comes from");
  }

  /** True when this factor applies to {@code model} (lower-case name contains the family). */
  public boolean appliesTo(String model) {
    return "*".equals(family) || model.toLowerCase(Locale.ROOT).contains(family);
  }

  /** {@code ceil(o200kTokens x factor)}. */
  public long apply(long o200kTokens) {
    return factor
        .multiply(BigDecimal.valueOf(o200kTokens))
        .setScale(0, RoundingMode.CEILING)
        .longValueExact();
  }

  /** The label carried by results, e.g. {@code "o200k_base x 1.30 (claude: ...)"}. */
  String label(String encodingName) {
    return encodingName + " x " + factor.toPlainString() + " (" + family + ": " + source + ")";
  }
}
