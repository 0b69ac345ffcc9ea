package io.tokenmeter.sdk.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One table row: a file under {@code responses/<provider>/} holding the provider's response (or
 * stream events) as documented, which adapter reads it, and every expected field. Keeping the
 * expectation beside the body makes each file a self-contained, reviewable case.
 */
record ResponseCase(String name, JsonNode file) {

  static Stream<ResponseCase> load(String provider) {
    URL directory = ResponseCase.class.getResource("/responses/" + provider);
    if (directory == null) {
      throw new IllegalStateException("no test resources for " + provider);
    }
    try (Stream<Path> files = Files.list(Path.of(directory.toURI()))) {
      List<Path> sorted = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
      return sorted.stream().map(ResponseCase::read);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ResponseCase read(Path path) {
    try (InputStream in = Files.newInputStream(path)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new ResponseCase(path.getFileName().toString(), ProviderJson.parse(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the named adapter (or stream collector) over the file's response or events. */
  ExtractedUsage extract() {
    if (file.has("events")) {
      StreamUsage stream = stream(file.get("stream").asText());
      for (JsonNode event : file.get("events")) {
        // Raw SSE data lines are kept as strings, e.g. OpenAI's [DONE].
        if (event.isTextual()) {
          stream.accept(event.asText());
        } else {
          stream.accept(event);
        }
      }
      return stream.result();
    }
    return adapter(file.get("adapter").asText()).extract(file.get("response"));
  }

  void assertMatches(ExtractedUsage actual) {
    JsonNode expected = file.get("expected");
    assertThat(actual.provider()).as("provider").isEqualTo(expected.get("provider").asText());
    assertThat(actual.model()).as("model").isEqualTo(textOrNull(expected, "model"));
    assertThat(actual.requestId()).as("requestId").isEqualTo(textOrNull(expected, "request_id"));
    assertThat(actual.serviceTier())
        .as("serviceTier")
        .isEqualTo(textOrNull(expected, "service_tier"));
    assertThat(actual.complete()).as("complete").isEqualTo(expected.get("complete").asBoolean());
    String cost = textOrNull(expected, "cost_usd");
    assertThat(actual.providerReportedCostUsd())
        .as("providerReportedCostUsd")
        .isEqualTo(cost == null ? null : new BigDecimal(cost).setScale(12));
    assertThat(actual.usage()).as("usage").isEqualTo(expectedUsage(expected.get("usage")));
  }

  private static NormalizedUsage expectedUsage(JsonNode u) {
    Map<String, Long> other = new TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = u.get("other_units").fields();
    fields.forEachRemaining(e -> other.put(e.getKey(), e.getValue().longValue()));
    return new NormalizedUsage(
        required(u, "input_tokens"),
        required(u, "cache_read_tokens"),
        required(u, "cache_write_tokens"),
        nullable(u, "cache_write_5m_tokens"),
        nullable(u, "cache_write_1h_tokens"),
        required(u, "output_tokens"),
        required(u, "reasoning_tokens"),
        required(u, "audio_input_tokens"),
        required(u, "cache_audio_read_tokens"),
        required(u, "audio_output_tokens"),
        other);
  }

  /** Every count must be spelled out in the expectation, so a case cannot pass by omission. */
  private static long required(JsonNode node, String field) {
    if (!node.has(field) || !node.get(field).isIntegralNumber()) {
      throw new IllegalStateException("expected.usage." + field + " missing");
    }
    return node.get(field).longValue();
  }

  private static Long nullable(JsonNode node, String field) {
    if (!node.has(field)) {
      throw new IllegalStateException("expected.usage." + field + " missing (use null)");
    }
    return node.get(field).isNull() ? null : node.get(field).longValue();
  }

  private static String textOrNull(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }

  private static UsageAdapter adapter(String name) {
    return switch (name) {
      case "openAiChat" -> UsageAdapters.openAiChat();
      case "openAiResponses" -> UsageAdapters.openAiResponses();
      case "openAiEmbeddings" -> UsageAdapters.openAiEmbeddings();
      case "azureOpenAiChat" -> UsageAdapters.azureOpenAiChat();
      case "azureOpenAiResponses" -> UsageAdapters.azureOpenAiResponses();
      case "azureOpenAiEmbeddings" -> UsageAdapters.azureOpenAiEmbeddings();
      case "openRouter" -> UsageAdapters.openRouter();
      case "openAiBatchLine" -> UsageAdapters.openAiBatchLine(UsageAdapters.openAiChat());
      case "anthropicBatchResult" -> UsageAdapters.anthropicBatchResult();
      case "deepSeek" -> UsageAdapters.openAiCompatible("deepseek");
      case "anthropic" -> UsageAdapters.anthropic();
      case "anthropicOnBedrock" -> UsageAdapters.anthropicOnBedrock();
      case "anthropicOnVertex" -> UsageAdapters.anthropicOnVertex();
      case "anthropicOnAzure" -> UsageAdapters.anthropicOnAzure();
      case "gemini" -> UsageAdapters.gemini();
      case "vertexGemini" -> UsageAdapters.vertexGemini();
      case "bedrockConverse" -> UsageAdapters.bedrockConverse();
      default -> throw new IllegalStateException("unknown adapter " + name);
    };
  }

  private static StreamUsage stream(String name) {
    return switch (name) {
      case "openAiChatStream" -> UsageAdapters.openAiChatStream(Providers.OPENAI);
      case "openRouterStream" -> UsageAdapters.openAiChatStream(Providers.OPENROUTER);
      case "openAiResponsesStream" -> UsageAdapters.openAiResponsesStream(Providers.OPENAI);
      case "anthropicStream" -> UsageAdapters.anthropicStream(Providers.ANTHROPIC);
      case "anthropicOnBedrockStream" -> UsageAdapters.anthropicStream(Providers.AWS_BEDROCK);
      case "geminiStream" -> UsageAdapters.geminiStream(Providers.GOOGLE);
      case "bedrockConverseStream" -> UsageAdapters.bedrockConverseStream();
      default -> throw new IllegalStateException("unknown stream " + name);
    };
  }

  @Override
  public String toString() {
    return name;
  }
}
