package io.tokenmeter.sdk.event;

import io.tokenmeter.schema.Money;
import io.tokenmeter.schema.v1.TokenUsage;
import io.tokenmeter.schema.v1.UsageEvent;
import io.tokenmeter.sdk.validation.InvalidUsageEventException;
import io.tokenmeter.sdk.validation.UsageEventValidator;
import io.tokenmeter.sdk.validation.Violation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a caller's {@link UsageReport} into a contract {@link UsageEvent}: fills the event id (a
 * time-ordered UUID) and the event time when absent, applies the client's default tenant and tags
 * (the report's own values win), then validates. Thread-safe.
 */
public final class UsageEventFactory {
  private final Clock clock;
  private final UuidV7Generator ids;
  private final UsageEventValidator validator;
  private final String defaultTenantId;
  private final Map<String, String> defaultTags;

  public UsageEventFactory(
      Clock clock,
      UuidV7Generator ids,
      UsageEventValidator validator,
      String defaultTenantId,
      Map<String, String> defaultTags) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.validator = Objects.requireNonNull(validator, "validator");
    this.defaultTenantId = defaultTenantId;
    this.defaultTags = Map.copyOf(defaultTags == null ? Map.of() : defaultTags);
  }

  /**
   * @throws InvalidUsageEventException naming each offending field and value
   */
  public UsageEvent create(UsageReport report) {
    Objects.requireNonNull(report, "report");
    Map<String, String> tags = new LinkedHashMap<>(defaultTags);
    tags.putAll(report.tags());
    TokenUsage usage = report.usage() == null ? null : report.usage().toTokenUsage();
    UsageEvent event =
        new UsageEvent(
            report.eventId() != null ? report.eventId() : ids.next().toString(),
            eventTime(report),
            report.tenantId() != null ? report.tenantId() : defaultTenantId,
            report.workflowId(),
            report.taskId(),
            report.userId(),
            report.operation(),
            tags,
            report.provider(),
            report.model(),
            report.serviceTier(),
            report.region(),
            report.latencyMs(),
            usage,
            report.usageComplete(),
            money(report.providerReportedCostUsd()),
            report.providerRequestId());
    validator.validate(event);
    return event;
  }

  /** Validates an event the caller built itself; it must already carry its id and time. */
  public UsageEvent check(UsageEvent event) {
    validator.validate(event);
    return event;
  }

  /**
   * The wire type holds milliseconds; truncating here makes what is read back equal what was sent.
   */
  private Instant eventTime(UsageReport report) {
    Instant time = report.eventTime() != null ? report.eventTime() : clock.instant();
    return time.truncatedTo(ChronoUnit.MILLIS);
  }

  private static BigDecimal money(BigDecimal cost) {
    if (cost == null) {
      return null;
    }
    try {
      return Money.normalize(cost);
    } catch (IllegalArgumentException e) {
      throw new InvalidUsageEventException(
          List.of(
              new Violation("provider_reported_cost_usd", cost.toPlainString(), e.getMessage())));
    }
  }
}
