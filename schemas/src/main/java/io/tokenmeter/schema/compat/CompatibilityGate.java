package io.tokenmeter.schema.compat;

import io.tokenmeter.schema.compat.ViolationMessages.Direction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Checks the current schemas against every released version with Avro's {@link
 * SchemaCompatibility#checkReaderWriterCompatibility} and reports each incompatibility by record
 * and field. The build runs it over {@code src/main/avro} and {@code src/released} (see {@code
 * ReleasedSchemasCompatibilityTest}).
 */
public final class CompatibilityGate {

  /** The mode the build enforces; see {@link CompatibilityMode} for why it is FULL. */
  public static final CompatibilityMode BUILD_MODE = CompatibilityMode.FULL;

  private final CompatibilityMode mode;

  public CompatibilityGate(CompatibilityMode mode) {
    this.mode = Objects.requireNonNull(mode, "mode: pick BACKWARD, FORWARD or FULL");
  }

  /** The gate as the build runs it. */
  public static CompatibilityGate forBuild() {
    return new CompatibilityGate(BUILD_MODE);
  }

  public CompatibilityMode mode() {
    return mode;
  }

  /**
   * Returns every violation, ordered by record and version; empty when the current schemas may be
   * released.
   *
   * @param current every named schema defined now, by full name
   * @param released every released version of every record
   */
  public List<SchemaViolation> check(
      Map<String, Schema> current, Collection<ReleasedSchema> released) {
    List<ReleasedSchema> ordered = new ArrayList<>(released);
    ordered.sort(
        Comparator.comparing(ReleasedSchema::fullName).thenComparing(ReleasedSchema::version));
    List<SchemaViolation> violations = new ArrayList<>();
    for (ReleasedSchema version : ordered) {
      Schema now = current.get(version.fullName());
      if (now == null) {
        violations.add(
            new SchemaViolation(version.fullName(), "", ViolationMessages.removed(version)));
        continue;
      }
      if (mode.checksBackward()) {
        collect(version, Direction.BACKWARD, now, version.schema(), violations);
        for (RemovedEnumSymbols.Finding finding : RemovedEnumSymbols.find(version.schema(), now)) {
          String message = ViolationMessages.removedSymbols(version, finding);
          violations.add(
              new SchemaViolation(version.fullName(), finding.location().fieldPath(), message));
        }
      }
      if (mode.checksForward()) {
        collect(version, Direction.FORWARD, version.schema(), now, violations);
      }
    }
    return violations;
  }

  /**
   * Like {@link #check} but throws when anything is wrong.
   *
   * @throws IncompatibleSchemaChangeException listing every violation
   */
  public void enforce(Map<String, Schema> current, Collection<ReleasedSchema> released) {
    List<SchemaViolation> violations = check(current, released);
    if (!violations.isEmpty()) {
      throw new IncompatibleSchemaChangeException(mode, violations);
    }
  }

  private static void collect(
      ReleasedSchema version,
      Direction direction,
      Schema reader,
      Schema writer,
      List<SchemaViolation> violations) {
    List<Incompatibility> incompatibilities =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
            .getResult()
            .getIncompatibilities();
    for (Incompatibility incompatibility : incompatibilities) {
      FieldLocator.FieldLocation where = FieldLocator.locate(reader, incompatibility.getLocation());
      String message =
          ViolationMessages.incompatible(
              version.fullName(), version, direction, where, incompatibility);
      violations.add(new SchemaViolation(version.fullName(), where.fieldPath(), message));
    }
  }
}
