package io.tokenmeter.processor.budget;

import io.tokenmeter.schema.v1.BudgetAlert;
import io.tokenmeter.schema.v1.BudgetState;
import java.util.List;

/** The result of adding one event to a budget: its new state and the alerts that crossing fired. */
public record BudgetStep(BudgetState state, List<BudgetAlert> alerts, boolean forecastFired) {}
