package io.tokenmeter.sdk.adapter;

import static io.tokenmeter.sdk.adapter.ProviderJson.object;
import static io.tokenmeter.sdk.adapter.ProviderJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Anthropic Messages streaming (also on Bedrock, Vertex, Azure): {@code message_start} carries the
 * message's id, model and initial usage (input and cache counts, a placeholder output count); each
 * {@code message_delta} carries cumulative usage whose fields replace the earlier ones. Usage is
 * complete only once a {@code message_delta} arrived.
 *
 * <p>Shape: docs.anthropic.com/en/docs/build-with-claude/streaming ("the token counts shown in the
 * usage field of the message_delta event are cumulative").
 */
final class AnthropicMessageStream implements StreamUsage {
  private final AnthropicMessagesAdapter adapter;
  private final ObjectNode message = JsonNodeFactory.instance.objectNode();
  private final ObjectNode usage = JsonNodeFactory.instance.objectNode();
  private boolean deltaSeen;

  AnthropicMessageStream(String provider) {
    this.adapter = new AnthropicMessagesAdapter(provider);
  }

  @Override
  public void accept(JsonNode event) {
    String type = text(event, "type");
    if ("message_start".equals(type)) {
      JsonNode started = object(event, "message");
      if (started != null) {
        copyIfPresent(started, "id");
        copyIfPresent(started, "model");
        JsonNode startUsage = object(started, "usage");
        if (startUsage != null) {
          usage.setAll((ObjectNode) startUsage);
        }
      }
    } else if ("message_delta".equals(type)) {
      JsonNode deltaUsage = object(event, "usage");
      if (deltaUsage != null) {
        // A null in the delta means "not reported here", not zero: keep message_start's value.
        deltaUsage
            .properties()
            .forEach(
                field -> {
                  if (!field.getValue().isNull()) {
                    usage.set(field.getKey(), field.getValue());
                  }
                });
        deltaSeen = true;
      }
    }
  }

  @Override
  public ExtractedUsage result() {
    ObjectNode assembled = message.deepCopy();
    if (!usage.isEmpty()) {
      assembled.set("usage", usage.deepCopy());
    }
    ExtractedUsage extracted = adapter.extract(assembled);
    if (deltaSeen) {
      return extracted;
    }
    return new ExtractedUsage(
        extracted.provider(),
        extracted.model(),
        extracted.requestId(),
        extracted.serviceTier(),
        extracted.usage(),
        false,
        null);
  }

  private void copyIfPresent(JsonNode source, String field) {
    if (source.hasNonNull(field)) {
      message.set(field, source.get(field));
    }
  }
}
