package io.tokenmeter.sdk.estimate;

import com.knuddels.jtokkit.api.EncodingType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which OpenAI encoding a model name uses, after tiktoken's {@code encoding_for_model} tables:
 * o200k_base for the GPT-4o, GPT-4.1, GPT-4.5, GPT-5 and o-series families, cl100k_base for GPT-4,
 * GPT-3.5 Turbo and the embedding models. A name matches a family when it equals it or continues
 * with {@code -}, {@code .} (a dated, sized or point release such as {@code gpt-4o-mini} or {@code
 * gpt-5.1}). Names as providers write them are accepted: a routing prefix ({@code openai/gpt-4o} on
 * OpenRouter) and a fine-tune wrapper ({@code ft:gpt-4o-mini-2024-07-18:org::id}) are removed.
 */
public final class OpenAiEncodings {

  private record Family(String prefix, EncodingType encoding) {}

  // First match wins; families with a longer shared stem come first ("gpt-4o" before "gpt-4").
  private static final List<Family> FAMILIES =
      List.of(
          new Family("gpt-4o", EncodingType.O200K_BASE),
          new Family("chatgpt-4o", EncodingType.O200K_BASE),
          new Family("gpt-4.1", EncodingType.O200K_BASE),
          new Family("gpt-4.5", EncodingType.O200K_BASE),
          new Family("gpt-5", EncodingType.O200K_BASE),
          new Family("o1", EncodingType.O200K_BASE),
          new Family("o3", EncodingType.O200K_BASE),
          new Family("o4-mini", EncodingType.O200K_BASE),
          new Family("codex-mini", EncodingType.O200K_BASE),
          new Family("gpt-4", EncodingType.CL100K_BASE),
          new Family("gpt-3.5-turbo", EncodingType.CL100K_BASE),
          new Family("gpt-35-turbo", EncodingType.CL100K_BASE),
          new Family("text-embedding-3-small", EncodingType.CL100K_BASE),
          new Family("text-embedding-3-large", EncodingType.CL100K_BASE),
          new Family("text-embedding-ada-002", EncodingType.CL100K_BASE),
          new Family("davinci-002", EncodingType.CL100K_BASE),
          new Family("babbage-002", EncodingType.CL100K_BASE));

  private static final String FINE_TUNE_PREFIX = "ft:";

  private OpenAiEncodings() {}

  /** The encoding of {@code model}; empty when it is not an OpenAI model this table knows. */
  public static Optional<EncodingType> forModel(String model) {
    if (model == null) {
      return Optional.empty();
    }
    String name = baseName(model);
    for (Family family : FAMILIES) {
      if (matches(name, family.prefix())) {
        return Optional.of(family.encoding());
      }
    }
    return Optional.empty();
  }

  /** Lower-case name without a routing prefix or a fine-tune wrapper. */
  static String baseName(String model) {
    String name = model.trim().toLowerCase(Locale.ROOT);
    name = name.substring(name.lastIndexOf('/') + 1);
    if (name.startsWith(FINE_TUNE_PREFIX)) {
      name = name.substring(FINE_TUNE_PREFIX.length());
      int end = name.indexOf(':');
      name = end < 0 ? name : name.substring(0, end);
    }
    return name;
  }

  private static boolean matches(String name, String prefix) {
    if (!name.startsWith(prefix)) {
      return false;
    }
    if (name.length() == prefix.length()) {
      return true;
    }
    char next = name.charAt(prefix.length());
    return next == '-' || next == '.';
  }
}
