package io.tokenmeter.schema.compat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * The one rule the gate adds to Avro's: a released enum symbol is never removed. Avro accepts the
 * removal when the enum has a default, but then reads every old record carrying the symbol as the
 * default (e.g. TRUNCATED becomes UNKNOWN), silently changing data that was already written.
 */
final class RemovedEnumSymbols {

  /**
   * An enum that lost symbols.
   *
   * @param location where the enum is used in the released schema
   * @param enumName full name of the enum
   * @param removed the released symbols the current enum lacks
   * @param fallback the symbol Avro would read them as
   */
  record Finding(
      FieldLocator.FieldLocation location,
      String enumName,
      List<String> removed,
      String fallback) {}

  private RemovedEnumSymbols() {}

  /** Every enum of {@code released} whose same-named enum in {@code current} lacks symbols. */
  static List<Finding> find(Schema released, Schema current) {
    Map<String, Schema> currentEnums = new HashMap<>();
    collectEnums(current, currentEnums, new HashSet<>());
    List<Finding> findings = new ArrayList<>();
    Set<String> reported = new HashSet<>();
    walk(
        released,
        new FieldLocator.FieldLocation(released.getFullName(), ""),
        currentEnums,
        findings,
        reported,
        new HashSet<>());
    return findings;
  }

  private static void walk(
      Schema schema,
      FieldLocator.FieldLocation here,
      Map<String, Schema> currentEnums,
      List<Finding> findings,
      Set<String> reported,
      Set<String> recordsOnPath) {
    switch (schema.getType()) {
      case RECORD:
        if (!recordsOnPath.add(schema.getFullName())) {
          return;
        }
        for (Schema.Field field : schema.getFields()) {
          String path =
              here.fieldPath().isEmpty() ? field.name() : here.fieldPath() + "." + field.name();
          walk(
              field.schema(),
              new FieldLocator.FieldLocation(schema.getFullName(), path),
              currentEnums,
              findings,
              reported,
              recordsOnPath);
        }
        recordsOnPath.remove(schema.getFullName());
        break;
      case ENUM:
        Schema now = currentEnums.get(schema.getFullName());
        if (now != null && reported.add(schema.getFullName())) {
          List<String> removed = new ArrayList<>(schema.getEnumSymbols());
          removed.removeAll(now.getEnumSymbols());
          if (!removed.isEmpty()) {
            findings.add(new Finding(here, schema.getFullName(), removed, now.getEnumDefault()));
          }
        }
        break;
      case ARRAY:
        walk(schema.getElementType(), here, currentEnums, findings, reported, recordsOnPath);
        break;
      case MAP:
        walk(schema.getValueType(), here, currentEnums, findings, reported, recordsOnPath);
        break;
      case UNION:
        for (Schema branch : schema.getTypes()) {
          walk(branch, here, currentEnums, findings, reported, recordsOnPath);
        }
        break;
      default:
        break;
    }
  }

  private static void collectEnums(Schema schema, Map<String, Schema> enums, Set<String> seen) {
    switch (schema.getType()) {
      case ENUM:
        enums.put(schema.getFullName(), schema);
        break;
      case RECORD:
        if (seen.add(schema.getFullName())) {
          schema.getFields().forEach(field -> collectEnums(field.schema(), enums, seen));
        }
        break;
      case ARRAY:
        collectEnums(schema.getElementType(), enums, seen);
        break;
      case MAP:
        collectEnums(schema.getValueType(), enums, seen);
        break;
      case UNION:
        schema.getTypes().forEach(branch -> collectEnums(branch, enums, seen));
        break;
      default:
        break;
    }
  }
}
