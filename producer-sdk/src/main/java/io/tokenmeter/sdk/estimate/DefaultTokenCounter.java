package io.tokenmeter.sdk.estimate;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Counts OpenAI models exactly with their encoding ({@link OpenAiEncodings}, run by jtokkit), and
 * every other model as a labelled approximation: its o200k_base count times the first matching
 * {@link ApproximationFactor}. Chat requests add OpenAI's documented framing ({@link
 * OpenAiChatFraming}); for an approximated model the factor applies to the framed total too. Text
 * is counted as ordinary text: a prompt containing {@code <|endoftext|>} is not a special token, as
 * in the API. Thread-safe; encodings load on first use (o200k_base takes about a second).
 */
public final class DefaultTokenCounter implements TokenCounter {

  /** Factors used when none are given: Claude, Gemini, Gemma, then any other model. */
  public static final List<ApproximationFactor> DEFAULT_FACTORS =
      List.of(
          ApproximationFactor.CLAUDE,
          ApproximationFactor.GEMINI,
          ApproximationFactor.GEMMA,
          ApproximationFactor.ANY_OTHER);

  private static final EncodingType APPROXIMATION_BASE = EncodingType.O200K_BASE;

  // One registry per JVM: an encoding's rank table is several megabytes, and the registry is a
  // thread-safe lazy cache.
  private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();

  private final List<ApproximationFactor> factors;

  /** A counter with {@link #DEFAULT_FACTORS}. */
  public DefaultTokenCounter() {
    this(DEFAULT_FACTORS);
  }

  /**
   * A counter with your own approximation factors, tried in order; {@link
   * ApproximationFactor#ANY_OTHER} is appended when none of them matches every model.
   */
  public DefaultTokenCounter(List<ApproximationFactor> factors) {
    List<ApproximationFactor> ordered = new ArrayList<>(factors);
    if (ordered.stream().noneMatch(factor -> "*".equals(factor.family()))) {
      ordered.add(ApproximationFactor.ANY_OTHER);
    }
    this.factors = List.copyOf(ordered);
  }

  @Override
  public TokenCount countPrompt(String model, String prompt) {
    requireText(prompt);
    return count(model, encoding -> encoding.countTokensOrdinary(prompt), "");
  }

  @Override
  public TokenCount countMessages(String model, List<ChatMessage> messages) {
    return count(
        model,
        encoding -> OpenAiChatFraming.count(messages, encoding::countTokensOrdinary),
        " + OpenAI chat framing");
  }

  private interface EncodingCount {
    long count(Encoding encoding);
  }

  private TokenCount count(String model, EncodingCount counting, String framing) {
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("give the model name the request will use");
    }
    Optional<EncodingType> exact = OpenAiEncodings.forModel(model);
    if (exact.isPresent()) {
      Encoding encoding = REGISTRY.getEncoding(exact.get());
      return new TokenCount(
          counting.count(encoding), TokenCountMethod.EXACT_TOKENIZER, encoding.getName() + framing);
    }
    ApproximationFactor factor = factorFor(model);
    long baseCount = counting.count(REGISTRY.getEncoding(APPROXIMATION_BASE));
    return new TokenCount(
        factor.apply(baseCount),
        TokenCountMethod.APPROXIMATION,
        factor.label(APPROXIMATION_BASE.getName() + framing));
  }

  private ApproximationFactor factorFor(String model) {
    return factors.stream()
        .filter(factor -> factor.appliesTo(model))
        .findFirst()
        .orElse(ApproximationFactor.ANY_OTHER);
  }

  private static void requireText(String prompt) {
    if (prompt == null) {
      throw new IllegalArgumentException("prompt is null; give the text (\"\" for an empty one)");
    }
  }
}
