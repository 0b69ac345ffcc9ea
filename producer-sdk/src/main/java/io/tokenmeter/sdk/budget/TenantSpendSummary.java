package io.tokenmeter.sdk.budget;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A tenant's total spend for the current (or asked) UTC day or month, from the spend API.
 *
 * @param totalUsd exact, scale 12
 * @param eventCount priced calls counted
 */
public record TenantSpendSummary(
    String tenantId,
    SpendPeriod period,
    Instant periodStart,
    Instant periodEnd,
    BigDecimal totalUsd,
    long eventCount,
    long inputTokens,
    long outputTokens) {}
