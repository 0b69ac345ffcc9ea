package io.tokenmeter.processor.budget;

import io.tokenmeter.schema.v1.BudgetAlert;
import io.tokenmeter.schema.v1.BudgetState;

/** What budget tracking emits: an alert, or a budget's new state. */
public sealed interface BudgetOutput {
  record Alert(BudgetAlert alert) implements BudgetOutput {}

  record State(BudgetState state) implements BudgetOutput {}
}
