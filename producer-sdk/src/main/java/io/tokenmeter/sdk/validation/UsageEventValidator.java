package io.tokenmeter.sdk.validation;

import io.tokenmeter.schema.v1.UsageEvent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Checks a {@link UsageEvent} against the contract at the call, so a bad event fails in the
 * caller's stack trace instead of becoming a dead letter minutes later. Thread-safe.
 */
public final class UsageEventValidator {

  /** How far in the future an event time may be: room for ordinary clock drift between hosts. */
  public static final Duration DEFAULT_MAX_FUTURE_SKEW = Duration.ofMinutes(5);

  private final Clock clock;
  private final Duration maxFutureSkew;

  public UsageEventValidator(Clock clock, Duration maxFutureSkew) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (maxFutureSkew == null || maxFutureSkew.isNegative()) {
      throw new IllegalArgumentException(
          "maxFutureSkew is " + maxFutureSkew + ": pass zero or a positive duration");
    }
    this.maxFutureSkew = maxFutureSkew;
  }

  public UsageEventValidator(Clock clock) {
    this(clock, DEFAULT_MAX_FUTURE_SKEW);
  }

  /**
   * @throws InvalidUsageEventException naming every broken rule with its field and value
   */
  public void validate(UsageEvent event) {
    Objects.requireNonNull(event, "event");
    List<Violation> violations = new ArrayList<>();
    requireText(violations, "event_id", event.getEventId());
    requireText(violations, "tenant_id", event.getTenantId());
    requireText(violations, "provider", event.getProvider());
    requireText(violations, "model", event.getModel());
    String provider = event.getProvider();
    if (provider != null && !provider.equals(provider.toLowerCase(Locale.ROOT))) {
      violations.add(new Violation("provider", quote(provider), "write the provider lower-case"));
    }
    checkEventTime(violations, event.getEventTime());
    if (event.getLatencyMs() != null && event.getLatencyMs() < 0) {
      violations.add(
          new Violation("latency_ms", event.getLatencyMs().toString(), "must not be negative"));
    }
    BigDecimal cost = event.getProviderReportedCostUsd();
    if (cost != null && cost.signum() < 0) {
      violations.add(
          new Violation(
              "provider_reported_cost_usd", cost.toPlainString(), "must not be negative"));
    }
    checkTags(violations, event.getTags());
    if (event.getUsage() == null) {
      violations.add(new Violation("usage", "null", "set the token usage of the call"));
    } else {
      TokenUsageRules.check(event.getUsage(), violations);
    }
    if (!violations.isEmpty()) {
      throw new InvalidUsageEventException(violations);
    }
  }

  private void checkEventTime(List<Violation> violations, Instant eventTime) {
    if (eventTime == null) {
      violations.add(new Violation("event_time", "null", "set when the call completed"));
      return;
    }
    Instant latestAllowed = clock.instant().plus(maxFutureSkew);
    if (eventTime.isAfter(latestAllowed)) {
      violations.add(
          new Violation(
              "event_time",
              eventTime.toString(),
              "is more than "
                  + maxFutureSkew
                  + " after now ("
                  + clock.instant()
                  + "): use the time the call completed, in UTC"));
    }
  }

  private static void checkTags(List<Violation> violations, Map<String, String> tags) {
    if (tags == null) {
      violations.add(new Violation("tags", "null", "use an empty map for no tags"));
      return;
    }
    tags.forEach(
        (key, value) -> {
          if (key == null || key.isBlank() || value == null) {
            violations.add(
                new Violation(
                    "tags", quote(key) + "=" + quote(value), "tag keys and values must be set"));
          }
        });
  }

  private static void requireText(List<Violation> violations, String field, String value) {
    if (value == null || value.isBlank()) {
      violations.add(new Violation(field, quote(value), "is required and must not be blank"));
    }
  }

  static String quote(String value) {
    return value == null ? "null" : "\"" + value + "\"";
  }
}
