package io.tokenmeter.processor.aggregate;

import io.tokenmeter.schema.v1.CostBreakdown;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

/** Exact sums of cost breakdowns, category by category, at the schema's scale. */
public final class CostSums {
  /** The scale of every money field in the schemas (USD, 12 decimals). */
  public static final int SCALE = 12;

  public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);

  private CostSums() {}

  public static CostBreakdown zero() {
    return CostBreakdown.newBuilder()
        .setUncachedInput(ZERO)
        .setCacheRead(ZERO)
        .setCacheAudioRead(ZERO)
        .setCacheWrite5m(ZERO)
        .setCacheWrite1h(ZERO)
        .setAudioInput(ZERO)
        .setTextOutput(ZERO)
        .setReasoning(ZERO)
        .setAudioOutput(ZERO)
        .setRequestFee(ZERO)
        .setOtherUnits(Map.of())
        .build();
  }

  /** A new breakdown: {@code sum} plus {@code one}, category by category (neither changes). */
  public static CostBreakdown plus(CostBreakdown sum, CostBreakdown one) {
    CostBreakdown result = new CostBreakdown();
    Map<String, BigDecimal> units = sum.getOtherUnits();
    if (!one.getOtherUnits().isEmpty()) {
      Map<String, BigDecimal> merged = new HashMap<>(units);
      one.getOtherUnits().forEach((name, cost) -> merged.merge(name, exact(cost), CostSums::add));
      units = merged;
    }
    result.setOtherUnits(units);
    result.setUncachedInput(add(sum.getUncachedInput(), one.getUncachedInput()));
    result.setCacheRead(add(sum.getCacheRead(), one.getCacheRead()));
    result.setCacheAudioRead(add(sum.getCacheAudioRead(), one.getCacheAudioRead()));
    result.setCacheWrite5m(add(sum.getCacheWrite5m(), one.getCacheWrite5m()));
    result.setCacheWrite1h(add(sum.getCacheWrite1h(), one.getCacheWrite1h()));
    result.setAudioInput(add(sum.getAudioInput(), one.getAudioInput()));
    result.setTextOutput(add(sum.getTextOutput(), one.getTextOutput()));
    result.setReasoning(add(sum.getReasoning(), one.getReasoning()));
    result.setAudioOutput(add(sum.getAudioOutput(), one.getAudioOutput()));
    result.setRequestFee(add(sum.getRequestFee(), one.getRequestFee()));
    return result;
  }

  public static BigDecimal add(BigDecimal sum, BigDecimal one) {
    return exact(sum).add(exact(one));
  }

  /** A money value at scale 12; a value with more decimals is a pricing bug, so it fails loudly. */
  public static BigDecimal exact(BigDecimal value) {
    return value.setScale(SCALE, RoundingMode.UNNECESSARY);
  }
}
