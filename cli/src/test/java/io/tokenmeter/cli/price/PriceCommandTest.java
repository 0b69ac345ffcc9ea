package io.tokenmeter.cli.price;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenmeter.cli.testing.CliRun;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String OPENAI_CHAT =
      """
      {"id": "chatcmpl-1", "object": "chat.completion", "model": "o3-2025-04-16",
       "service_tier": "default",
       "usage": {"prompt_tokens": 1000, "completion_tokens": 500, "total_tokens": 1500,
                 "prompt_tokens_details": {"cached_tokens": 400, "audio_tokens": 0},
                 "completion_tokens_details": {"reasoning_tokens": 300, "audio_tokens": 0}}}
      """;

  private static final String ANTHROPIC_MESSAGE =
      """
      {"id": "msg_1", "type": "message", "model": "claude-sonnet-4-5-20250929",
       "usage": {"input_tokens": 100, "cache_creation_input_tokens": 2000,
                 "cache_read_input_tokens": 5000, "output_tokens": 300,
                 "cache_creation": {"ephemeral_5m_input_tokens": 1500,
                                    "ephemeral_1h_input_tokens": 500}}}
      """;

  private final CliRun cli = new CliRun();

  @Test
  void shouldPriceOpenAiChatWithCachedAndReasoningTokens() throws Exception {
    CliRun.Result result =
        cli.runWithStdin(
            OPENAI_CHAT, "price", "--provider", "openai", "--api", "chat", "--catalog", catalog());

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode priced = JSON.readTree(result.out());
    // 600 uncached x $2/M = 0.0012; 400 cached x $0.5/M = 0.0002; no reasoning rate, so the 300
    // reasoning tokens stay in the 500 output tokens x $8/M = 0.004.
    assertThat(priced.get("input_cost").asText()).isEqualTo("0.0014");
    assertThat(priced.get("output_cost").asText()).isEqualTo("0.004");
    assertThat(priced.get("total_cost").asText()).isEqualTo("0.0054");
    assertThat(priced.at("/breakdown/uncached_input").asText()).isEqualTo("0.0012");
    assertThat(priced.at("/breakdown/cache_read").asText()).isEqualTo("0.0002");
    assertThat(priced.at("/breakdown/text_output").asText()).isEqualTo("0.004");
    assertThat(priced.at("/breakdown/reasoning").asText()).isEqualTo("0");
    assertThat(priced.at("/usage/input_tokens").asLong()).isEqualTo(1000);
    assertThat(priced.at("/usage/cache_read_tokens").asLong()).isEqualTo(400);
    assertThat(priced.at("/usage/reasoning_tokens").asLong()).isEqualTo(300);
    assertThat(priced.at("/price/model").asText()).isEqualTo("o3");
    assertThat(priced.at("/price/version_id").asText())
        .isEqualTo("openai/o3/standard/global/2025-04-16T00:00:00Z");
    assertThat(priced.get("priced_at").asText()).isEqualTo(CliRun.NOW.toString());
  }

  @Test
  void shouldPriceAnthropicCacheWritesAtTheirTimeToLiveRates() throws Exception {
    CliRun.Result result =
        cli.runWithStdin(
            ANTHROPIC_MESSAGE,
            "price",
            "--provider",
            "anthropic",
            "--api",
            "messages",
            "--catalog",
            catalog());

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode priced = JSON.readTree(result.out());
    // 100 x 3 + 5000 x 0.3 + 1500 x 3.75 + 500 x 6 = 300 + 1500 + 5625 + 3000 = 10425 $/M.
    assertThat(priced.at("/breakdown/uncached_input").asText()).isEqualTo("0.0003");
    assertThat(priced.at("/breakdown/cache_read").asText()).isEqualTo("0.0015");
    assertThat(priced.at("/breakdown/cache_write_5m").asText()).isEqualTo("0.005625");
    assertThat(priced.at("/breakdown/cache_write_1h").asText()).isEqualTo("0.003");
    assertThat(priced.get("input_cost").asText()).isEqualTo("0.010425");
    assertThat(priced.get("output_cost").asText()).isEqualTo("0.0045");
    assertThat(priced.get("total_cost").asText()).isEqualTo("0.014925");
    assertThat(priced.at("/usage/input_tokens").asLong()).isEqualTo(7100);
    assertThat(priced.at("/price/model").asText()).isEqualTo("claude-sonnet-4-5");
  }

  @Test
  void shouldPriceUsageEventAtItsOwnEventTime() throws Exception {
    String event =
        """
        {"provider": "anthropic", "model": "claude-sonnet-4-5", "event_time": "2025-10-01T00:00:00Z",
         "usage": {"input_tokens": 1000000, "output_tokens": 1000}}
        """;

    CliRun.Result result = cli.runWithStdin(event, "price", "--usage", "--catalog", catalog());

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode priced = JSON.readTree(result.out());
    assertThat(priced.get("input_cost").asText()).isEqualTo("3");
    assertThat(priced.get("output_cost").asText()).isEqualTo("0.015");
    assertThat(priced.get("total_cost").asText()).isEqualTo("3.015");
    assertThat(priced.get("priced_at").asText()).isEqualTo("2025-10-01T00:00:00Z");
  }

  @Test
  void shouldRejectUsageEventPricedBeforeItsModelHadAPrice() {
    String event =
        """
        {"provider": "anthropic", "model": "claude-sonnet-4-5",
         "usage": {"input_tokens": 10, "output_tokens": 1}}
        """;

    CliRun.Result result =
        cli.runWithStdin(event, "price", "--usage", "--at", "2025-01-01", "--catalog", catalog());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("NO_PRICE_AT_EVENT_TIME");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void shouldPrintAnErrorObjectForAnUnknownModelLineAndGoOn() throws Exception {
    String input =
        String.join(
            "\n",
            "{\"provider\":\"openai\",\"model\":\"o3\",\"usage\":{\"input_tokens\":1000000,\"output_tokens\":0}}",
            "{\"provider\":\"openai\",\"model\":\"no-such-model\",\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}",
            "not json",
            "{\"provider\":\"anthropic\",\"model\":\"claude-sonnet-4-5\",\"usage\":{\"input_tokens\":0,\"output_tokens\":1000000}}");

    CliRun.Result result =
        cli.runWithStdin(input, "price", "--usage", "--lines", "--catalog", catalog());

    assertThat(result.exitCode()).as(result.err()).isZero();
    List<String> lines = result.out().lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(JSON.readTree(lines.get(0)).get("total_cost").asText()).isEqualTo("2");
    JsonNode unknown = JSON.readTree(lines.get(1));
    assertThat(unknown.get("reason").asText()).isEqualTo("NO_MATCHING_MODEL");
    assertThat(unknown.get("error").asText()).contains("no-such-model");
    assertThat(JSON.readTree(lines.get(2)).get("reason").asText()).isEqualTo("INVALID_DOCUMENT");
    assertThat(JSON.readTree(lines.get(3)).get("total_cost").asText()).isEqualTo("15");
  }

  @Test
  void shouldExitOneWithAClearMessageForAnUnknownModel() {
    String body = OPENAI_CHAT.replace("o3-2025-04-16", "gpt-imaginary");

    CliRun.Result result =
        cli.runWithStdin(
            body, "price", "--provider", "openai", "--api", "chat", "--catalog", catalog());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("tokenmeter: unpriced: NO_MATCHING_MODEL");
    assertThat(result.err()).contains("gpt-imaginary");
  }

  @Test
  void shouldExitTwoListingTheProvidersApisForAnUnknownApi() {
    CliRun.Result result =
        cli.runWithStdin(
            OPENAI_CHAT,
            "price",
            "--provider",
            "openai",
            "--api",
            "messages",
            "--catalog",
            catalog());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains("no adapter reads --provider openai --api messages")
        .contains("--provider openai takes --api chat, responses, embeddings")
        .doesNotContain("anthropic");
  }

  @Test
  void shouldGuessAMistypedProvider() {
    CliRun.Result result =
        cli.runWithStdin(
            OPENAI_CHAT, "price", "--provider", "opnai", "--api", "chat", "--catalog", catalog());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains("did you mean --provider openai?")
        .contains("known providers: ")
        .contains("anthropic");
  }

  @Test
  void shouldExitTwoWhenTheInputKindIsNotSaid() {
    CliRun.Result result = cli.runWithStdin(OPENAI_CHAT, "price", "--catalog", catalog());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--usage");
  }

  @Test
  void shouldExitTwoForACatalogOptionWithoutFormat() {
    CliRun.Result result = cli.runWithStdin("{}", "price", "--usage", "--catalog", "prices.json");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("is not FORMAT:PATH");
  }

  @Test
  void shouldExitOneWhenStdinIsNotJson() {
    CliRun.Result result = cli.runWithStdin("hello", "price", "--usage", "--catalog", catalog());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("INVALID_DOCUMENT").contains("not JSON");
  }

  @Test
  void shouldTakeTheModelFromTheOptionWhenBedrockConverseOmitsIt() throws Exception {
    String converse =
        """
        {"output": {"message": {"role": "assistant", "content": [{"text": "hi"}]}},
         "stopReason": "end_turn",
         "usage": {"inputTokens": 1000000, "outputTokens": 0, "totalTokens": 1000000}}
        """;

    CliRun.Result result =
        cli.runWithStdin(
            converse,
            "price",
            "--provider",
            "aws-bedrock",
            "--api",
            "converse",
            "--model",
            "o3",
            "--catalog",
            catalog());

    // aws-bedrock does not list o3 in this catalog: the failure names the provider it tried.
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("aws-bedrock");
  }

  static String catalog() {
    try {
      return "tokenmeter:"
          + Path.of(PriceCommandTest.class.getResource("/price-test-catalog.json").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
