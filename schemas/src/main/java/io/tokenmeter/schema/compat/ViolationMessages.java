package io.tokenmeter.schema.compat;

import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType;

/** Writes the gate's messages: what broke, where, and how to fix it. */
final class ViolationMessages {

  /** Which reader/writer pairing failed. */
  enum Direction {
    BACKWARD,
    FORWARD
  }

  private ViolationMessages() {}

  static String incompatible(
      String recordName,
      ReleasedSchema released,
      Direction direction,
      FieldLocator.FieldLocation where,
      Incompatibility incompatibility) {
    String field =
        where.fieldPath().isEmpty()
            ? "the record itself"
            : "field '" + where.fieldPath() + "' (declared in " + where.declaringRecord() + ")";
    return recordName
        + " is not "
        + direction
        + " compatible with released "
        + released.label()
        + " ("
        + consequence(direction, released)
        + "): "
        + field
        + ": "
        + incompatibility.getType()
        + " - "
        + incompatibility.getMessage()
        + " [at "
        + incompatibility.getLocation()
        + "]. Fix: "
        + hint(incompatibility.getType(), direction, released);
  }

  static String removed(ReleasedSchema released) {
    return released.fullName()
        + " was released ("
        + released.label()
        + ") but no schema under src/main/avro defines it any more. Fix: restore it; a record that"
        + " was on a topic stays readable forever (mark it deprecated in its doc instead).";
  }

  static String removedSymbols(ReleasedSchema released, RemovedEnumSymbols.Finding finding) {
    String where =
        finding.location().fieldPath().isEmpty()
            ? "the record itself"
            : "field '"
                + finding.location().fieldPath()
                + "' (declared in "
                + finding.location().declaringRecord()
                + ")";
    return released.fullName()
        + " removes enum symbols released in "
        + released.label()
        + ": "
        + where
        + ": enum "
        + finding.enumName()
        + " lost "
        + finding.removed()
        + "; Avro would read them as '"
        + finding.fallback()
        + "', silently changing data already written. Fix: keep every released symbol"
        + " (say in the enum's doc that it is no longer produced).";
  }

  private static String consequence(Direction direction, ReleasedSchema released) {
    return direction == Direction.BACKWARD
        ? "the current schema cannot read data written with " + released.label()
        : "consumers still on " + released.label() + " cannot read data written with it";
  }

  private static String hint(
      SchemaIncompatibilityType type, Direction direction, ReleasedSchema released) {
    switch (type) {
      case READER_FIELD_MISSING_DEFAULT_VALUE:
        return direction == Direction.BACKWARD
            ? "the field is new or renamed; give it a default (an optional field is"
                + " [\"null\", T] with \"default\": null) or list its old name in \"aliases\""
            : "the field was removed or renamed but has no default in "
                + released.label()
                + "; keep it (document it as deprecated)";
      case TYPE_MISMATCH:
        return "keep the released type; Avro only reads promoted types"
            + " (int->long->float->double, string<->bytes), and only in one direction";
      case NAME_MISMATCH:
        return "a named type was renamed; keep the released name or add it to \"aliases\"";
      case FIXED_SIZE_MISMATCH:
        return "keep the released size of the fixed type";
      case MISSING_ENUM_SYMBOLS:
        return "keep every released enum symbol, and give every enum a \"default\" symbol so"
            + " older readers can map new symbols";
      case MISSING_UNION_BRANCH:
        return "keep every released branch of the union";
      default:
        return "see the schema resolution rules of the Avro specification";
    }
  }
}
