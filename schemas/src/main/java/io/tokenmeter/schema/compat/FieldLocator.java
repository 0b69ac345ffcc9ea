package io.tokenmeter.schema.compat;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Turns the JSON-pointer location of an Avro incompatibility (e.g. {@code
 * /fields/13/type/fields/1}) into the field path a person recognises ({@code
 * usage.cache_read_tokens}) and the record that declares the field.
 */
final class FieldLocator {

  /**
   * Where an incompatibility sits.
   *
   * @param declaringRecord full name of the record that declares the last field of the path
   * @param fieldPath dotted field names from the top-level record; empty for the record itself
   */
  record FieldLocation(String declaringRecord, String fieldPath) {}

  private FieldLocator() {}

  /** Walks {@code location} through {@code reader}, the schema the location refers to. */
  static FieldLocation locate(Schema reader, String location) {
    List<String> path = new ArrayList<>();
    String declaringRecord = reader.getFullName();
    Schema current = reader;
    String[] steps = location == null ? new String[0] : location.split("/");
    for (int i = 0; i < steps.length; i++) {
      String step = steps[i];
      if (step.isEmpty() || step.equals("type")) {
        continue;
      }
      if (step.equals("fields")) {
        Schema record = recordBranch(current);
        if (record == null || i + 1 >= steps.length) {
          break;
        }
        int index = parseIndex(steps[++i]);
        if (index < 0 || index >= record.getFields().size()) {
          break;
        }
        Schema.Field field = record.getFields().get(index);
        declaringRecord = record.getFullName();
        path.add(field.name());
        current = field.schema();
      } else if (step.equals("items") && current.getType() == Schema.Type.ARRAY) {
        current = current.getElementType();
      } else if (step.equals("values") && current.getType() == Schema.Type.MAP) {
        current = current.getValueType();
      } else if (current.getType() == Schema.Type.UNION) {
        int branch = parseIndex(step);
        if (branch < 0 || branch >= current.getTypes().size()) {
          break;
        }
        current = current.getTypes().get(branch);
      } else {
        // "symbols", "size", "name": the problem is the type itself, the path is complete.
        break;
      }
    }
    return new FieldLocation(declaringRecord, String.join(".", path));
  }

  /** A record, or the only record branch of a union such as ["null", SomeRecord]. */
  private static Schema recordBranch(Schema schema) {
    if (schema.getType() == Schema.Type.RECORD) {
      return schema;
    }
    if (schema.getType() == Schema.Type.UNION) {
      List<Schema> records =
          schema.getTypes().stream().filter(t -> t.getType() == Schema.Type.RECORD).toList();
      return records.size() == 1 ? records.get(0) : null;
    }
    return null;
  }

  private static int parseIndex(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
