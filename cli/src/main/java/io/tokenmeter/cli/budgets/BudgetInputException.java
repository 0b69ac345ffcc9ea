package io.tokenmeter.cli.budgets;

/** A budget value is missing or wrong; the message names the flag or file key and the fix. */
final class BudgetInputException extends RuntimeException {

  BudgetInputException(String message) {
    super(message);
  }
}
