package io.tokenmeter.registry;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/** A registry compatibility level applied with Avro's reader/writer compatibility check. */
public final class AvroCompatibility {
  private AvroCompatibility() {}

  /**
   * Checks a candidate against earlier versions under a level.
   *
   * @param previous earlier live versions, oldest first
   * @return descriptions of the problems; empty when compatible
   */
  public static List<String> problems(
      CompatibilityLevel level, Schema candidate, List<Schema> previous) {
    List<String> problems = new ArrayList<>();
    if (level == CompatibilityLevel.NONE || previous.isEmpty()) {
      return problems;
    }
    List<Schema> checked =
        level.isTransitive() ? previous : List.of(previous.get(previous.size() - 1));
    for (Schema old : checked) {
      if (level.checksBackward()) {
        // Backward: the new schema (reader) must read data the old one wrote.
        describe(
            SchemaCompatibility.checkReaderWriterCompatibility(candidate, old),
            "new reads old",
            problems);
      }
      if (level.checksForward()) {
        describe(
            SchemaCompatibility.checkReaderWriterCompatibility(old, candidate),
            "old reads new",
            problems);
      }
    }
    return problems;
  }

  private static void describe(SchemaPairCompatibility result, String direction, List<String> out) {
    result
        .getResult()
        .getIncompatibilities()
        .forEach(
            incompatibility ->
                out.add(
                    direction
                        + ": "
                        + incompatibility.getType()
                        + " at "
                        + incompatibility.getLocation()
                        + ": "
                        + incompatibility.getMessage()));
  }
}
