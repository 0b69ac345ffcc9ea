package io.tokenmeter.dev.view;

import java.math.BigDecimal;
import java.time.Instant;

/** One budget alert as the view shows it; {@code thresholdPercent} is null for a forecast. */
public record AlertLine(
    Instant alertedAt,
    String budgetId,
    String tenantId,
    String kind,
    Integer thresholdPercent,
    BigDecimal spendUsd,
    BigDecimal limitUsd) {}
