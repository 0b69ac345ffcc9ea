package io.tokenmeter.sdk.budget;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A budget's state for its current period, read just now from the stream processor's spend API, and
 * whether a call may go ahead. Fields the processor did not give are null: everything but {@code
 * budgetId}, {@code status} and {@code detail} is null when {@code status} is {@link
 * BudgetStatus#UNAVAILABLE}; spend, limit, period and mode are null for {@link
 * BudgetStatus#NO_SPEND_YET}.
 *
 * @param budgetId the budget (the key of the budgets topic)
 * @param tenantId the tenant the budget belongs to
 * @param status where spend stands against the limit
 * @param hard true for a hard budget (the caller should not call once {@code EXCEEDED}); false for
 *     soft (alerts only)
 * @param period {@code DAY}, {@code WEEK} or {@code MONTH}
 * @param timeZone the zone the period's bounds are computed in, e.g. {@code Europe/Berlin}
 * @param periodStart first instant of the current period
 * @param periodEnd first instant after it
 * @param spendUsd spend counted in the period, USD, exact (scale 12)
 * @param limitUsd the budget's limit, USD
 * @param updatedAt when the processor last updated the state (its view lags by the pipeline's
 *     latency: events in flight are not counted yet)
 * @param allowsCall false only for a hard budget that is {@code EXCEEDED}, or when the API was
 *     unavailable under {@link UnavailablePolicy#FAIL_CLOSED}
 * @param detail why the status is {@code UNAVAILABLE} or {@code NO_SPEND_YET}; null otherwise
 */
public record BudgetCheck(
    String budgetId,
    String tenantId,
    BudgetStatus status,
    Boolean hard,
    String period,
    String timeZone,
    Instant periodStart,
    Instant periodEnd,
    BigDecimal spendUsd,
    BigDecimal limitUsd,
    Instant updatedAt,
    boolean allowsCall,
    String detail) {

  /** The state of a budget the processor tracks. */
  static BudgetCheck of(
      String budgetId,
      String tenantId,
      BudgetStatus status,
      boolean hard,
      String period,
      String timeZone,
      Instant periodStart,
      Instant periodEnd,
      BigDecimal spendUsd,
      BigDecimal limitUsd,
      Instant updatedAt) {
    boolean allows = !(hard && status == BudgetStatus.EXCEEDED);
    return new BudgetCheck(
        budgetId,
        tenantId,
        status,
        hard,
        period,
        timeZone,
        periodStart,
        periodEnd,
        spendUsd,
        limitUsd,
        updatedAt,
        allows,
        null);
  }

  /** A budget that exists but has counted nothing yet. */
  static BudgetCheck noSpendYet(String budgetId, String tenantId, String detail) {
    return withoutState(budgetId, tenantId, BudgetStatus.NO_SPEND_YET, true, detail);
  }

  /** The API could not answer; {@code allowsCall} comes from the policy. */
  static BudgetCheck unavailable(String budgetId, boolean allowsCall, String detail) {
    return withoutState(budgetId, null, BudgetStatus.UNAVAILABLE, allowsCall, detail);
  }

  private static BudgetCheck withoutState(
      String budgetId, String tenantId, BudgetStatus status, boolean allowsCall, String detail) {
    return new BudgetCheck(
        budgetId,
        tenantId,
        status,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        allowsCall,
        detail);
  }

  /** Spend left before the limit, never negative; null when spend or limit is unknown. */
  public BigDecimal remainingUsd() {
    if (spendUsd == null || limitUsd == null) {
      return null;
    }
    return limitUsd.subtract(spendUsd).max(BigDecimal.ZERO.setScale(limitUsd.scale()));
  }
}
