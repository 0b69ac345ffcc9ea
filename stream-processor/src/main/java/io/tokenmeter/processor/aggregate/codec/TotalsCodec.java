package io.tokenmeter.processor.aggregate.codec;

import io.tokenmeter.schema.v1.AggregateDimension;
import io.tokenmeter.schema.v1.CostBreakdown;
import io.tokenmeter.schema.v1.TokenUsage;
import io.tokenmeter.schema.v1.WindowSize;
import io.tokenmeter.schema.v1.WindowedAggregate;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Field-by-field binary form of {@code WindowedAggregate} for the processor's own state stores.
 *
 * <p>Why not Avro: every event updates 12 stored aggregates and the store serializes each update;
 * Avro's generic writer with decimal conversions cost about 40 µs per event there. This form is the
 * same fields in schema order (enums by symbol name) with no schema lookup. It is internal
 * (changelog topics only, never a public topic), and {@code StoredTotalsSerdeTest} fails when the
 * schema gains a field this class does not write, so the two cannot drift apart silently. Maps
 * decode into mutable {@code HashMap}s because the aggregate processors add to decoded totals in
 * place.
 */
final class TotalsCodec {
  private TotalsCodec() {}

  static void write(CompactWriter out, WindowedAggregate totals) {
    out.writeLong(totals.getWindowStart().toEpochMilli());
    out.writeLong(totals.getWindowEnd().toEpochMilli());
    out.writeString(totals.getWindowSize().name());
    out.writeString(totals.getDimension().name());
    out.writeString(totals.getTenantId());
    out.writeNullableString(totals.getProvider());
    out.writeNullableString(totals.getModel());
    out.writeNullableString(totals.getWorkflowId());
    out.writeLong(totals.getRevision());
    out.writeBoolean(totals.getIsFinal());
    out.writeLong(totals.getEventCount());
    out.writeLong(totals.getIncompleteUsageCount());
    writeTokens(out, totals.getTokens());
    writeCost(out, totals.getCost());
    out.writeDecimal(totals.getTotalCost());
    out.writeLong(totals.getLatencyCount());
    out.writeLong(totals.getLatencyMsSum());
    out.writeNullableLong(totals.getLatencyMsMax());
    out.writeLong(totals.getUpdatedAt().toEpochMilli());
  }

  static WindowedAggregate read(CompactReader in) {
    WindowedAggregate totals = new WindowedAggregate();
    totals.setWindowStart(Instant.ofEpochMilli(in.readLong()));
    totals.setWindowEnd(Instant.ofEpochMilli(in.readLong()));
    totals.setWindowSize(WindowSize.valueOf(in.readString()));
    totals.setDimension(AggregateDimension.valueOf(in.readString()));
    totals.setTenantId(in.readString());
    totals.setProvider(in.readNullableString());
    totals.setModel(in.readNullableString());
    totals.setWorkflowId(in.readNullableString());
    totals.setRevision(in.readLong());
    totals.setIsFinal(in.readBoolean());
    totals.setEventCount(in.readLong());
    totals.setIncompleteUsageCount(in.readLong());
    totals.setTokens(readTokens(in));
    totals.setCost(readCost(in));
    totals.setTotalCost(in.readDecimal());
    totals.setLatencyCount(in.readLong());
    totals.setLatencyMsSum(in.readLong());
    totals.setLatencyMsMax(in.readNullableLong());
    totals.setUpdatedAt(Instant.ofEpochMilli(in.readLong()));
    return totals;
  }

  private static void writeTokens(CompactWriter out, TokenUsage tokens) {
    out.writeLong(tokens.getInputTokens());
    out.writeLong(tokens.getCacheReadTokens());
    out.writeLong(tokens.getCacheWriteTokens());
    out.writeNullableLong(tokens.getCacheWrite5mTokens());
    out.writeNullableLong(tokens.getCacheWrite1hTokens());
    out.writeLong(tokens.getOutputTokens());
    out.writeLong(tokens.getReasoningTokens());
    out.writeLong(tokens.getAudioInputTokens());
    out.writeLong(tokens.getCacheAudioReadTokens());
    out.writeLong(tokens.getAudioOutputTokens());
    Map<String, Long> units = tokens.getOtherUnits();
    out.writeLong(units.size());
    units.forEach(
        (name, count) -> {
          out.writeString(name);
          out.writeLong(count);
        });
  }

  private static TokenUsage readTokens(CompactReader in) {
    TokenUsage tokens = new TokenUsage();
    tokens.setInputTokens(in.readLong());
    tokens.setCacheReadTokens(in.readLong());
    tokens.setCacheWriteTokens(in.readLong());
    tokens.setCacheWrite5mTokens(in.readNullableLong());
    tokens.setCacheWrite1hTokens(in.readNullableLong());
    tokens.setOutputTokens(in.readLong());
    tokens.setReasoningTokens(in.readLong());
    tokens.setAudioInputTokens(in.readLong());
    tokens.setCacheAudioReadTokens(in.readLong());
    tokens.setAudioOutputTokens(in.readLong());
    long count = in.readLong();
    Map<String, Long> units = new HashMap<>();
    for (long i = 0; i < count; i++) {
      units.put(in.readString(), in.readLong());
    }
    tokens.setOtherUnits(units);
    return tokens;
  }

  private static void writeCost(CompactWriter out, CostBreakdown cost) {
    out.writeDecimal(cost.getUncachedInput());
    out.writeDecimal(cost.getCacheRead());
    out.writeDecimal(cost.getCacheAudioRead());
    out.writeDecimal(cost.getCacheWrite5m());
    out.writeDecimal(cost.getCacheWrite1h());
    out.writeDecimal(cost.getAudioInput());
    out.writeDecimal(cost.getTextOutput());
    out.writeDecimal(cost.getReasoning());
    out.writeDecimal(cost.getAudioOutput());
    out.writeDecimal(cost.getRequestFee());
    Map<String, BigDecimal> units = cost.getOtherUnits();
    out.writeLong(units.size());
    units.forEach(
        (name, amount) -> {
          out.writeString(name);
          out.writeDecimal(amount);
        });
  }

  private static CostBreakdown readCost(CompactReader in) {
    CostBreakdown cost = new CostBreakdown();
    cost.setUncachedInput(in.readDecimal());
    cost.setCacheRead(in.readDecimal());
    cost.setCacheAudioRead(in.readDecimal());
    cost.setCacheWrite5m(in.readDecimal());
    cost.setCacheWrite1h(in.readDecimal());
    cost.setAudioInput(in.readDecimal());
    cost.setTextOutput(in.readDecimal());
    cost.setReasoning(in.readDecimal());
    cost.setAudioOutput(in.readDecimal());
    cost.setRequestFee(in.readDecimal());
    long count = in.readLong();
    Map<String, BigDecimal> units = new HashMap<>();
    for (long i = 0; i < count; i++) {
      units.put(in.readString(), in.readDecimal());
    }
    cost.setOtherUnits(units);
    return cost;
  }
}
