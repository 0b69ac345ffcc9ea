package io.tokenmeter.sdk.validation;

/**
 * One broken rule of the usage contract.
 *
 * @param field the contract field, dotted for nested ones (e.g. {@code usage.reasoning_tokens})
 * @param value the offending value as text ("null" when missing)
 * @param fix what the caller should change
 */
public record Violation(String field, String value, String fix) {

  @Override
  public String toString() {
    return field + " = " + value + ": " + fix;
  }
}
