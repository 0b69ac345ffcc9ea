package io.tokenmeter.processor.budget;

import io.tokenmeter.schema.v1.BudgetAlert;
import io.tokenmeter.schema.v1.BudgetState;

/** What budget tracking emits: an alert, a budget's new state, or that a budget was deleted. */
public sealed interface BudgetOutput {
  record Alert(BudgetAlert alert) implements BudgetOutput {}

  record State(BudgetState state) implements BudgetOutput {}

  /** The budget was deleted: its state record becomes a tombstone. */
  record Deleted() implements BudgetOutput {}
}
