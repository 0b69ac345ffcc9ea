package io.tokenmeter.schema.compat;

/**
 * Which directions of schema evolution the gate enforces, in the schema registry's vocabulary.
 *
 * <p>BACKWARD alone lets a field without a default be removed, because a new reader simply skips
 * it. On a Kafka topic the old consumers keep reading what new producers write, so the build uses
 * FULL: removing such a field then fails too.
 */
public enum CompatibilityMode {
  /** The current schema reads data written with every released version. */
  BACKWARD(true, false),
  /** Every released version reads data written with the current schema. */
  FORWARD(false, true),
  /** Both BACKWARD and FORWARD. */
  FULL(true, true);

  private final boolean checksBackward;
  private final boolean checksForward;

  CompatibilityMode(boolean checksBackward, boolean checksForward) {
    this.checksBackward = checksBackward;
    this.checksForward = checksForward;
  }

  /** Whether the current schema must read data written with released versions. */
  public boolean checksBackward() {
    return checksBackward;
  }

  /** Whether released versions must read data written with the current schema. */
  public boolean checksForward() {
    return checksForward;
  }
}
