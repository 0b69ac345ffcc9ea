package io.tokenmeter.devregistry;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Decides whether a candidate schema may follow earlier versions under a compatibility level, using
 * Avro's reader/writer resolution rules (the same check Confluent's registry runs).
 */
final class CompatibilityChecker {
  private CompatibilityChecker() {}

  /**
   * Checks the candidate against the given earlier versions (oldest first). Non-transitive levels
   * only look at the last one. Returns the incompatibilities found; an empty list means compatible.
   */
  static List<String> check(
      Schema candidate, List<VersionedSchema> earlier, CompatibilityLevel level) {
    if (level == CompatibilityLevel.NONE || earlier.isEmpty()) {
      return List.of();
    }
    List<VersionedSchema> toCheck =
        level.isTransitive() ? earlier : List.of(earlier.get(earlier.size() - 1));
    List<String> messages = new ArrayList<>();
    for (VersionedSchema old : toCheck) {
      if (level.newMustReadOld()) {
        describe(candidate, old.avro(), "new schema cannot read data written with", old, messages);
      }
      if (level.oldMustReadNew()) {
        describe(
            old.avro(),
            candidate,
            "data written with the new schema cannot be read by",
            old,
            messages);
      }
    }
    if (!messages.isEmpty()) {
      messages.add("{compatibility: '" + level.name() + "'}");
    }
    return messages;
  }

  private static void describe(
      Schema reader, Schema writer, String problem, VersionedSchema old, List<String> messages) {
    SchemaCompatibility.SchemaPairCompatibility result =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
      return;
    }
    for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
      messages.add(
          "{errorType:'"
              + incompatibility.getType()
              + "', location:'"
              + incompatibility.getLocation()
              + "', description:'"
              + problem
              + " "
              + old.label()
              + ": "
              + incompatibility.getMessage()
              + "'}");
    }
  }

  /** An earlier schema together with a label naming where it came from, for messages. */
  record VersionedSchema(Schema avro, String label) {}
}
