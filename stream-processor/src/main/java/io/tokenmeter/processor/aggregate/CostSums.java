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

  /** Adds {@code one} to {@code sum} in place. */
  public static void addTo(CostBreakdown sum, CostBreakdown one) {
    if (!one.getOtherUnits().isEmpty()) {
      Map<String, BigDecimal> units = new HashMap<>(sum.getOtherUnits());
      one.getOtherUnits().forEach((name, cost) -> units.merge(name, exact(cost), CostSums::add));
      sum.setOtherUnits(units);
    }
    sum.setUncachedInput(add(sum.getUncachedInput(), one.getUncachedInput()));
    sum.setCacheRead(add(sum.getCacheRead(), one.getCacheRead()));
    sum.setCacheAudioRead(add(sum.getCacheAudioRead(), one.getCacheAudioRead()));
    sum.setCacheWrite5m(add(sum.getCacheWrite5m(), one.getCacheWrite5m()));
    sum.setCacheWrite1h(add(sum.getCacheWrite1h(), one.getCacheWrite1h()));
    sum.setAudioInput(add(sum.getAudioInput(), one.getAudioInput()));
    sum.setTextOutput(add(sum.getTextOutput(), one.getTextOutput()));
    sum.setReasoning(add(sum.getReasoning(), one.getReasoning()));
    sum.setAudioOutput(add(sum.getAudioOutput(), one.getAudioOutput()));
    sum.setRequestFee(add(sum.getRequestFee(), one.getRequestFee()));
  }

  public static BigDecimal add(BigDecimal sum, BigDecimal one) {
    return exact(sum).add(exact(one));
  }

  /** A money value at scale 12; a value with more decimals is a pricing bug, so it fails loudly. */
  public static BigDecimal exact(BigDecimal value) {
    return value.setScale(SCALE, RoundingMode.UNNECESSARY);
  }
}
