package io.tokenmeter.sink.row;

import java.math.BigDecimal;

/** Checks that an amount fits the money columns, {@code Decimal(38, 12)}, without rounding. */
final class Money {

  private Money() {}

  /**
   * The amount at scale 12, or a {@link RowMappingException} naming the field if it does not fit.
   */
  static BigDecimal column(BigDecimal amount, String field) {
    if (amount == null) {
      throw new RowMappingException(field + " is null but is required");
    }
    try {
      return io.tokenmeter.schema.Money.normalize(amount);
    } catch (IllegalArgumentException e) {
      throw new RowMappingException(field + " does not fit Decimal(38, 12): " + e.getMessage(), e);
    }
  }

  /** Like {@link #column} for an optional amount: null stays null. */
  static BigDecimal nullableColumn(BigDecimal amount, String field) {
    return amount == null ? null : column(amount, field);
  }
}
