package io.tokenmeter.sdk.validation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A usage event that breaks the contract, raised before anything is sent. The message names every
 * offending field with its value; {@link #field()} and {@link #value()} give the first one for
 * programmatic handling.
 */
public class InvalidUsageEventException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  public InvalidUsageEventException(List<Violation> violations) {
    super(
        "invalid usage event: "
            + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("an invalid event needs at least one violation");
    }
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }

  public String field() {
    return violations.get(0).field();
  }

  public String value() {
    return violations.get(0).value();
  }
}
