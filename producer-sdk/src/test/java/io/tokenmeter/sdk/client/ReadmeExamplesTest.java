package io.tokenmeter.sdk.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenmeter.schema.v1.TokenUsage;
import io.tokenmeter.schema.v1.UsageEvent;
import io.tokenmeter.sdk.examples.AnthropicExample;
import io.tokenmeter.sdk.examples.AzureOpenAiExample;
import io.tokenmeter.sdk.examples.BedrockConverseExample;
import io.tokenmeter.sdk.examples.ClientSetupExample;
import io.tokenmeter.sdk.examples.GeminiExample;
import io.tokenmeter.sdk.examples.OpenAiChatExample;
import io.tokenmeter.sdk.examples.OpenAiEmbeddingsExample;
import io.tokenmeter.sdk.examples.OpenAiResponsesExample;
import io.tokenmeter.sdk.examples.OpenRouterExample;
import io.tokenmeter.sdk.examples.StreamingExample;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.MockProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README's examples are the classes in {@code io.tokenmeter.sdk.examples}: this test checks
 * that the README shows each one exactly (its imports, then the code between its README markers)
 * and runs each against a documented response body, comparing what was published with the fixture's
 * expected counts.
 */
class ReadmeExamplesTest {
  private static final Path EXAMPLES = Path.of("src/test/java/io/tokenmeter/sdk/examples");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  static Stream<Arguments> providerExamples() {
    return Stream.of(
        example(OpenAiChatExample::publish, "openai/chat-cached-reasoning.json"),
        example(OpenAiResponsesExample::publish, "openai/responses-web-search-reasoning.json"),
        example(OpenAiEmbeddingsExample::publish, "openai/embeddings.json"),
        example(AnthropicExample::publish, "anthropic/messages-cache-read-and-split-write.json"),
        example(BedrockConverseExample::publish, "bedrock/converse-cache-with-ttl-details.json"),
        example(GeminiExample::publish, "gemini/thinking-cached-tool-use.json"),
        example(AzureOpenAiExample::publish, "azure/chat-reasoning-cached.json"),
        example(OpenRouterExample::publish, "openrouter/chat-cost-and-cache-write.json"));
  }

  private static Arguments example(
      BiFunction<UsageClient, String, CompletableFuture<PublishResult>> code, String fixture) {
    return Arguments.of(fixture, code);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providerExamples")
  void shouldPublishWhatTheFixtureExpects(
      String fixture, BiFunction<UsageClient, String, CompletableFuture<PublishResult>> code)
      throws Exception {
    JsonNode file = fixture(fixture);
    String body = JSON.writeValueAsString(file.get("response"));

    UsageEvent published = run(usage -> code.apply(usage, body));

    assertMatches(published, file.get("expected"));
  }

  @Test
  void shouldPublishAStreamedResponse() throws Exception {
    JsonNode file = fixture("openai/stream-chat-include-usage.json");
    List<String> sseData = new ArrayList<>();
    for (JsonNode event : file.get("events")) {
      sseData.add(JSON.writeValueAsString(event));
    }
    sseData.add("[DONE]");

    UsageEvent published = run(usage -> StreamingExample.publish(usage, sseData));

    assertMatches(published, file.get("expected"));
    assertThat(published.getLatencyMs()).isEqualTo(1840L);
  }

  @Test
  void shouldBuildTheDocumentedClient() {
    UsageClient usage = ClientSetupExample.create();
    try {
      assertThat(usage.topic()).isEqualTo(UsageClientBuilder.DEFAULT_TOPIC);
    } finally {
      usage.close(Duration.ofSeconds(5));
    }
  }

  @Test
  void shouldShowEveryExampleInTheReadmeExactly() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    List<Path> sources;
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      sources = files.filter(p -> p.toString().endsWith("Example.java")).sorted().toList();
    }

    assertThat(sources).hasSize(11);
    for (Path source : sources) {
      String block = "```java\n" + readmeBlock(source) + "```\n";
      assertThat(readme).as("README block for %s", source.getFileName()).contains(block);
    }
  }

  /** The example's imports, a blank line, then its marked code without the method's indent. */
  static String readmeBlock(Path source) throws IOException {
    List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
    StringBuilder block = new StringBuilder();
    lines.stream().filter(l -> l.startsWith("import ")).forEach(l -> block.append(l).append('\n'));
    block.append('\n');
    int begin = lines.indexOf("    // README:begin");
    int end = lines.indexOf("    // README:end");
    assertThat(begin).as("README markers in %s", source).isNotNegative().isLessThan(end);
    for (String line : lines.subList(begin + 1, end)) {
      block.append(line.length() >= 4 ? line.substring(4) : line.strip()).append('\n');
    }
    return block.toString();
  }

  private interface Example {
    CompletableFuture<PublishResult> publish(UsageClient usage);
  }

  private static UsageEvent run(Example example) throws Exception {
    MockProducer<String, byte[]> producer = MockProducers.autoComplete();
    try (UsageClient usage = MockProducers.builderFor(producer).build()) {
      example.publish(usage).get(10, TimeUnit.SECONDS);
    }
    assertThat(producer.history()).hasSize(1);
    return MockProducers.value(producer.history().get(0));
  }

  private static JsonNode fixture(String name) throws IOException {
    try (InputStream in = ReadmeExamplesTest.class.getResourceAsStream("/responses/" + name)) {
      if (in == null) {
        throw new UncheckedIOException(new IOException("no fixture " + name));
      }
      return JSON.readTree(in);
    }
  }

  private static void assertMatches(UsageEvent event, JsonNode expected) {
    JsonNode counts = expected.get("usage");
    TokenUsage usage = event.getUsage();
    assertThat(event.getTenantId()).isEqualTo("acme");
    assertThat(event.getProvider()).isEqualTo(expected.get("provider").asText());
    if (!expected.get("model").isNull()) {
      assertThat(event.getModel()).isEqualTo(expected.get("model").asText());
    }
    assertThat(event.getUsageComplete()).isEqualTo(expected.get("complete").asBoolean());
    assertThat(usage.getInputTokens()).isEqualTo(counts.get("input_tokens").asLong());
    assertThat(usage.getCacheReadTokens()).isEqualTo(counts.get("cache_read_tokens").asLong());
    assertThat(usage.getCacheWriteTokens()).isEqualTo(counts.get("cache_write_tokens").asLong());
    assertThat(usage.getOutputTokens()).isEqualTo(counts.get("output_tokens").asLong());
    assertThat(usage.getReasoningTokens()).isEqualTo(counts.get("reasoning_tokens").asLong());
    Map<String, Long> units = new TreeMap<>();
    counts
        .get("other_units")
        .fields()
        .forEachRemaining(e -> units.put(e.getKey(), e.getValue().asLong()));
    assertThat(usage.getOtherUnits()).isEqualTo(units);
    JsonNode cost = expected.get("cost_usd");
    if (cost != null && !cost.isNull()) {
      assertThat(event.getProviderReportedCostUsd())
          .isEqualByComparingTo(new BigDecimal(cost.asText()));
    }
  }
}
