package io.tokenmeter.cli.price;

import io.tokenmeter.cli.common.Suggestion;
import io.tokenmeter.sdk.adapter.Providers;
import io.tokenmeter.sdk.adapter.UsageAdapter;
import io.tokenmeter.sdk.adapter.UsageAdapters;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Which SDK adapter reads a response body of {@code --provider P --api A}: the table is the
 * documented contract of {@code tokenmeter price}, so an unknown pair is a usage error that lists
 * every valid one.
 */
final class ProviderApis {

  /** Servers speaking OpenAI's Chat Completions shape, recorded under their own provider name. */
  private static final String[] OPENAI_COMPATIBLE = {
    "deepseek", "groq", "mistral", "together", "fireworks", "xai", "cerebras", "vllm"
  };

  private static final Map<String, Supplier<UsageAdapter>> ADAPTERS = table();

  private ProviderApis() {}

  /** The adapter of the pair, if the pair is known (names are case-insensitive). */
  static Optional<UsageAdapter> adapter(String provider, String api) {
    Supplier<UsageAdapter> adapter = ADAPTERS.get(key(provider, api));
    return Optional.ofNullable(adapter).map(Supplier::get);
  }

  /** Every valid pair, e.g. {@code openai/chat, anthropic/messages, ...}. */
  static String validPairs() {
    return ADAPTERS.keySet().stream()
        .map(k -> "--provider " + k.replace(" ", " --api "))
        .collect(Collectors.joining(", "));
  }

  /**
   * What to write instead of an unknown pair: the APIs of a known provider, or the providers (with
   * a guess at a mistyped one) when the provider is unknown.
   */
  static String fix(String provider) {
    String wanted = provider == null ? "" : provider.trim().toLowerCase(Locale.ROOT);
    List<String> apis =
        ADAPTERS.keySet().stream()
            .filter(k -> k.startsWith(wanted + " "))
            .map(k -> k.substring(wanted.length() + 1))
            .toList();
    if (!apis.isEmpty()) {
      return "--provider " + wanted + " takes --api " + String.join(", ", apis);
    }
    Set<String> providers = new TreeSet<>();
    ADAPTERS.keySet().forEach(k -> providers.add(k.substring(0, k.indexOf(' '))));
    String guess =
        Suggestion.closest(wanted, providers)
            .map(known -> "did you mean --provider " + known + "? ")
            .orElse("");
    return guess + "known providers: " + String.join(", ", providers);
  }

  private static String key(String provider, String api) {
    return (provider == null ? "" : provider.trim().toLowerCase(Locale.ROOT))
        + " "
        + (api == null ? "" : api.trim().toLowerCase(Locale.ROOT));
  }

  private static Map<String, Supplier<UsageAdapter>> table() {
    Map<String, Supplier<UsageAdapter>> t = new LinkedHashMap<>();
    t.put(key(Providers.OPENAI, "chat"), UsageAdapters::openAiChat);
    t.put(key(Providers.OPENAI, "responses"), UsageAdapters::openAiResponses);
    t.put(key(Providers.OPENAI, "embeddings"), UsageAdapters::openAiEmbeddings);
    t.put(
        key(Providers.OPENAI, "batch-chat"),
        () -> UsageAdapters.openAiBatchLine(UsageAdapters.openAiChat()));
    t.put(
        key(Providers.OPENAI, "batch-responses"),
        () -> UsageAdapters.openAiBatchLine(UsageAdapters.openAiResponses()));
    t.put(key(Providers.AZURE, "chat"), UsageAdapters::azureOpenAiChat);
    t.put(key(Providers.AZURE, "responses"), UsageAdapters::azureOpenAiResponses);
    t.put(key(Providers.AZURE, "embeddings"), UsageAdapters::azureOpenAiEmbeddings);
    t.put(key(Providers.AZURE, "messages"), UsageAdapters::anthropicOnAzure);
    t.put(key(Providers.OPENROUTER, "chat"), UsageAdapters::openRouter);
    t.put(key(Providers.ANTHROPIC, "messages"), UsageAdapters::anthropic);
    t.put(key(Providers.ANTHROPIC, "batch-messages"), UsageAdapters::anthropicBatchResult);
    t.put(key(Providers.AWS_BEDROCK, "converse"), UsageAdapters::bedrockConverse);
    t.put(key(Providers.AWS_BEDROCK, "messages"), UsageAdapters::anthropicOnBedrock);
    t.put(key(Providers.GOOGLE, "generate-content"), UsageAdapters::gemini);
    t.put(key(Providers.GOOGLE_VERTEX, "generate-content"), UsageAdapters::vertexGemini);
    t.put(key(Providers.GOOGLE_VERTEX, "messages"), UsageAdapters::anthropicOnVertex);
    for (String provider : OPENAI_COMPATIBLE) {
      t.put(key(provider, "chat"), () -> UsageAdapters.openAiCompatible(provider));
    }
    return Collections.unmodifiableMap(t);
  }
}
