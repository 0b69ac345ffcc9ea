package io.tokenmeter.cli.price;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenmeter.pricing.cost.CostResult;
import io.tokenmeter.pricing.model.PriceVersion;
import io.tokenmeter.schema.v1.CostBreakdown;
import io.tokenmeter.schema.v1.TokenUsage;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON {@code price} prints. Money is a decimal STRING in plain notation (never a JSON number,
 * which readers would turn into a double), trailing zeros dropped: {@code "0.008289"}, {@code "0"}.
 */
final class PricedJson {

  private final ObjectMapper mapper;

  PricedJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  ObjectNode render(PriceOutcome outcome) {
    if (outcome instanceof PriceOutcome.Failed failed) {
      return error(failed.reason(), failed.message());
    }
    PriceOutcome.Priced priced = (PriceOutcome.Priced) outcome;
    PricingRequest request = priced.request();
    CostResult cost = priced.cost();
    ObjectNode root = mapper.createObjectNode();
    root.put("provider", request.provider());
    root.put("model", request.model());
    root.put("service_tier", request.serviceTier());
    root.put("tenant_id", request.tenantId());
    root.put("priced_at", priced.at().toString());
    root.set("usage", usage(request.usage()));
    root.put("input_cost", money(cost.inputCost()));
    root.put("output_cost", money(cost.outputCost()));
    root.put("total_cost", money(cost.totalCost()));
    root.set("breakdown", breakdown(cost.breakdown()));
    root.set("price", price(priced.version(), cost));
    return root;
  }

  /** The error object of a document that was not priced. */
  ObjectNode error(String reason, String message) {
    ObjectNode root = mapper.createObjectNode();
    root.put("error", message);
    root.put("reason", reason);
    return root;
  }

  static String money(BigDecimal amount) {
    return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
  }

  private ObjectNode usage(TokenUsage usage) {
    ObjectNode node = mapper.createObjectNode();
    node.put("input_tokens", usage.getInputTokens());
    node.put("cache_read_tokens", usage.getCacheReadTokens());
    node.put("cache_write_tokens", usage.getCacheWriteTokens());
    node.put("cache_write_5m_tokens", usage.getCacheWrite5mTokens());
    node.put("cache_write_1h_tokens", usage.getCacheWrite1hTokens());
    node.put("output_tokens", usage.getOutputTokens());
    node.put("reasoning_tokens", usage.getReasoningTokens());
    node.put("audio_input_tokens", usage.getAudioInputTokens());
    node.put("cache_audio_read_tokens", usage.getCacheAudioReadTokens());
    node.put("audio_output_tokens", usage.getAudioOutputTokens());
    ObjectNode units = node.putObject("other_units");
    stringKeys(usage.getOtherUnits()).forEach(units::put);
    return node;
  }

  private ObjectNode breakdown(CostBreakdown b) {
    ObjectNode node = mapper.createObjectNode();
    node.put("uncached_input", money(b.getUncachedInput()));
    node.put("cache_read", money(b.getCacheRead()));
    node.put("cache_audio_read", money(b.getCacheAudioRead()));
    node.put("cache_write_5m", money(b.getCacheWrite5m()));
    node.put("cache_write_1h", money(b.getCacheWrite1h()));
    node.put("audio_input", money(b.getAudioInput()));
    node.put("text_output", money(b.getTextOutput()));
    node.put("reasoning", money(b.getReasoning()));
    node.put("audio_output", money(b.getAudioOutput()));
    node.put("request_fee", money(b.getRequestFee()));
    ObjectNode units = node.putObject("other_units");
    stringKeys(b.getOtherUnits()).forEach((k, v) -> units.put(k, money(v)));
    return node;
  }

  private ObjectNode price(PriceVersion version, CostResult cost) {
    ObjectNode node = mapper.createObjectNode();
    node.put("version_id", version.versionId());
    node.put("provider", version.provider());
    node.put("model", version.model());
    node.put("service_tier", version.serviceTier());
    node.put("tenant_id", version.tenant().orElse(null));
    node.put("effective_from", version.effectiveFrom().toString());
    node.put("source", version.source());
    node.put("long_context_threshold_tokens", cost.longContextThresholdOrNull());
    return node;
  }

  private static <V> Map<String, V> stringKeys(Map<? extends CharSequence, V> map) {
    Map<String, V> result = new TreeMap<>();
    map.forEach((k, v) -> result.put(k.toString(), v));
    return result;
  }
}
