package io.tokenmeter.sdk.event;

import io.tokenmeter.sdk.adapter.ExtractedUsage;
import io.tokenmeter.sdk.adapter.NormalizedUsage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a caller reports about one LLM call, before the SDK fills in the event id, the event time
 * and the client's defaults. Immutable; build it with {@link #builder()} or start from an adapter's
 * result with {@link #from(ExtractedUsage)}. Null means "not given".
 */
public record UsageReport(
    String eventId,
    Instant eventTime,
    String tenantId,
    String workflowId,
    String taskId,
    String userId,
    String operation,
    Map<String, String> tags,
    String provider,
    String model,
    String serviceTier,
    String region,
    Long latencyMs,
    NormalizedUsage usage,
    boolean usageComplete,
    BigDecimal providerReportedCostUsd,
    String providerRequestId) {

  public UsageReport {
    tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding everything an adapter read from the provider's response. */
  public static Builder from(ExtractedUsage extracted) {
    return builder()
        .provider(extracted.provider())
        .model(extracted.model())
        .providerRequestId(extracted.requestId())
        .serviceTier(extracted.serviceTier())
        .usage(extracted.usage())
        .usageComplete(extracted.complete())
        .providerReportedCostUsd(extracted.providerReportedCostUsd());
  }

  /** Mutable builder; {@code usageComplete} defaults to true, everything else to "not given". */
  public static final class Builder {
    private String eventId;
    private Instant eventTime;
    private String tenantId;
    private String workflowId;
    private String taskId;
    private String userId;
    private String operation;
    private final Map<String, String> tags = new LinkedHashMap<>();
    private String provider;
    private String model;
    private String serviceTier;
    private String region;
    private Long latencyMs;
    private NormalizedUsage usage;
    private boolean usageComplete = true;
    private BigDecimal providerReportedCostUsd;
    private String providerRequestId;

    private Builder() {}

    /** Keep the id of a retried call so downstream deduplication counts it once. */
    public Builder eventId(String value) {
      this.eventId = value;
      return this;
    }

    public Builder eventTime(Instant value) {
      this.eventTime = value;
      return this;
    }

    public Builder tenantId(String value) {
      this.tenantId = value;
      return this;
    }

    public Builder workflowId(String value) {
      this.workflowId = value;
      return this;
    }

    public Builder taskId(String value) {
      this.taskId = value;
      return this;
    }

    public Builder userId(String value) {
      this.userId = value;
      return this;
    }

    public Builder operation(String value) {
      this.operation = value;
      return this;
    }

    public Builder tag(String key, String value) {
      this.tags.put(key, value);
      return this;
    }

    public Builder tags(Map<String, String> values) {
      this.tags.putAll(values);
      return this;
    }

    public Builder provider(String value) {
      this.provider = value;
      return this;
    }

    public Builder model(String value) {
      this.model = value;
      return this;
    }

    public Builder serviceTier(String value) {
      this.serviceTier = value;
      return this;
    }

    public Builder region(String value) {
      this.region = value;
      return this;
    }

    public Builder latencyMs(Long value) {
      this.latencyMs = value;
      return this;
    }

    public Builder usage(NormalizedUsage value) {
      this.usage = value;
      return this;
    }

    public Builder usageComplete(boolean value) {
      this.usageComplete = value;
      return this;
    }

    public Builder providerReportedCostUsd(BigDecimal value) {
      this.providerReportedCostUsd = value;
      return this;
    }

    public Builder providerRequestId(String value) {
      this.providerRequestId = value;
      return this;
    }

    public UsageReport build() {
      return new UsageReport(
          eventId,
          eventTime,
          tenantId,
          workflowId,
          taskId,
          userId,
          operation,
          tags,
          provider,
          model,
          serviceTier,
          region,
          latencyMs,
          usage,
          usageComplete,
          providerReportedCostUsd,
          providerRequestId);
    }
  }
}
