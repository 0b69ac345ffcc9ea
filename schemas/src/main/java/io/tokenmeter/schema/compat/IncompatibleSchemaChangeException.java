package io.tokenmeter.schema.compat;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by {@link CompatibilityGate#enforce} with every violation in its message. */
public final class IncompatibleSchemaChangeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<SchemaViolation> violations;

  IncompatibleSchemaChangeException(CompatibilityMode mode, List<SchemaViolation> violations) {
    super(describe(mode, violations));
    this.violations = List.copyOf(violations);
  }

  /** The violations, in the order the gate found them. */
  public List<SchemaViolation> violations() {
    return violations;
  }

  private static String describe(CompatibilityMode mode, List<SchemaViolation> violations) {
    return violations.size()
        + " schema change(s) break "
        + mode
        + " compatibility with released versions:\n"
        + violations.stream()
            .map(violation -> "  - " + violation.message())
            .collect(Collectors.joining("\n"));
  }
}
