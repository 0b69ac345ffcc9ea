package io.tokenmeter.pricing.model;

import io.tokenmeter.pricing.match.NameRule;
import io.tokenmeter.schema.v1.LongContextTier;
import io.tokenmeter.schema.v1.ModelMatchRule;
import io.tokenmeter.schema.v1.ModelPrice;
import io.tokenmeter.schema.v1.UnitPrices;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Converts between the Avro contract ({@code ModelPrice}, {@code UnitPrices}) and the model. */
public final class AvroPrices {

  private AvroPrices() {}

  /**
   * Reads one Avro price version.
   *
   * @throws IllegalArgumentException when a value breaks the contract (negative rate, missing
   *     id...)
   */
  public static PriceVersion fromAvro(ModelPrice price) {
    List<NameRule> rules =
        price.getMatchRules().stream()
            .map(rule -> new NameRule(rule.getKind(), rule.getValue()))
            .toList();
    List<ContextTier> tiers =
        price.getLongContextTiers().stream()
            .map(t -> new ContextTier(t.getThresholdInputTokens(), fromAvro(t.getRates())))
            .toList();
    return new PriceVersion(
        price.getPriceVersionId(),
        price.getProvider(),
        price.getModel(),
        price.getAliases(),
        rules,
        price.getServiceTier(),
        price.getTenantId(),
        price.getEffectiveFrom(),
        price.getSource(),
        fromAvro(price.getRates()),
        tiers,
        price.getDeleted());
  }

  /** Reads one Avro rate set. */
  public static UnitRates fromAvro(UnitPrices prices) {
    return new UnitRates(
        prices.getUncachedInputPerToken(),
        prices.getCacheReadPerToken(),
        prices.getCacheWrite5mPerToken(),
        prices.getCacheWrite1hPerToken(),
        prices.getOutputPerToken(),
        prices.getReasoningPerToken(),
        prices.getAudioInputPerToken(),
        prices.getCacheAudioReadPerToken(),
        prices.getAudioOutputPerToken(),
        prices.getPerRequest(),
        prices.getOtherUnits());
  }

  /** Writes one price version as the Avro record published on the prices topic. */
  public static ModelPrice toAvro(PriceVersion version) {
    return ModelPrice.newBuilder()
        .setPriceVersionId(version.versionId())
        .setProvider(version.provider())
        .setModel(version.model())
        .setAliases(List.copyOf(version.aliases()))
        .setMatchRules(
            version.matchRules().stream()
                .map(r -> new ModelMatchRule(r.kind(), r.value()))
                .toList())
        .setServiceTier(version.serviceTier())
        .setTenantId(version.tenantId())
        .setEffectiveFrom(version.effectiveFrom())
        .setSource(version.source())
        .setRates(toAvro(version.rates()))
        .setLongContextTiers(
            version.longContextTiers().stream()
                .map(t -> new LongContextTier(t.thresholdInputTokens(), toAvro(t.rates())))
                .toList())
        .setDeleted(version.deleted())
        .build();
  }

  /** Writes one rate set as Avro {@code UnitPrices}. */
  public static UnitPrices toAvro(UnitRates rates) {
    Map<String, BigDecimal> units = new HashMap<>(rates.otherUnits());
    return UnitPrices.newBuilder()
        .setUncachedInputPerToken(rates.uncachedInput())
        .setCacheReadPerToken(rates.cacheRead())
        .setCacheWrite5mPerToken(rates.cacheWrite5m())
        .setCacheWrite1hPerToken(rates.cacheWrite1h())
        .setOutputPerToken(rates.output())
        .setReasoningPerToken(rates.reasoning())
        .setAudioInputPerToken(rates.audioInput())
        .setCacheAudioReadPerToken(rates.cacheAudioRead())
        .setAudioOutputPerToken(rates.audioOutput())
        .setPerRequest(rates.perRequest())
        .setOtherUnits(units)
        .build();
  }
}
