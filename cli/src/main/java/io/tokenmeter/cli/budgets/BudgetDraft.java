package io.tokenmeter.cli.budgets;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A budget as the user wrote it (flags or one entry of a file), not yet validated: every value is
 * the raw text, null when not given.
 *
 * @param origin null for flags; for a file, where the entry is ("budgets.yaml, budget 2"), so
 *     messages name the file key instead of the flag
 */
record BudgetDraft(String origin, Map<BudgetField, String> values) {

  BudgetDraft {
    // Flags not given arrive as null; Map.copyOf would reject them.
    Map<BudgetField, String> given = new EnumMap<>(BudgetField.class);
    values.forEach(
        (field, value) -> {
          if (value != null) {
            given.put(field, value);
          }
        });
    values = Collections.unmodifiableMap(given);
  }

  /** The raw value, or null when not given or blank. */
  String get(BudgetField field) {
    String value = values.get(field);
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** How a message names the field: the flag, or "file, budget n: key". */
  String name(BudgetField field) {
    return origin == null ? field.flag() : origin + ": " + field.key();
  }
}
