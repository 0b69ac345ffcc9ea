package io.tokenmeter.sink.row;

import io.tokenmeter.schema.v1.CostBreakdown;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The per-category cost columns shared by the priced usage and aggregate tables. */
final class CostColumns {

  static final List<String> NAMES =
      List.of(
          "cost_uncached_input",
          "cost_cache_read",
          "cost_cache_audio_read",
          "cost_cache_write_5m",
          "cost_cache_write_1h",
          "cost_audio_input",
          "cost_text_output",
          "cost_reasoning",
          "cost_audio_output",
          "cost_request_fee",
          "cost_other_units");

  private CostColumns() {}

  static void append(List<Object> row, CostBreakdown cost) {
    row.add(Money.column(cost.getUncachedInput(), "cost.uncached_input"));
    row.add(Money.column(cost.getCacheRead(), "cost.cache_read"));
    row.add(Money.column(cost.getCacheAudioRead(), "cost.cache_audio_read"));
    row.add(Money.column(cost.getCacheWrite5m(), "cost.cache_write_5m"));
    row.add(Money.column(cost.getCacheWrite1h(), "cost.cache_write_1h"));
    row.add(Money.column(cost.getAudioInput(), "cost.audio_input"));
    row.add(Money.column(cost.getTextOutput(), "cost.text_output"));
    row.add(Money.column(cost.getReasoning(), "cost.reasoning"));
    row.add(Money.column(cost.getAudioOutput(), "cost.audio_output"));
    row.add(Money.column(cost.getRequestFee(), "cost.request_fee"));
    Map<String, BigDecimal> other = new LinkedHashMap<>();
    cost.getOtherUnits()
        .forEach(
            (unit, amount) -> other.put(unit, Money.column(amount, "cost.other_units." + unit)));
    row.add(other);
  }
}
