package io.tokenmeter.dev.view;

import java.math.BigDecimal;

/** One tenant's priced events and spend since midnight UTC. */
public record TenantSpend(String tenantId, long events, BigDecimal spendUsd) {}
