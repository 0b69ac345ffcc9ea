package io.tokenmeter.schema;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one money representation of the contract: USD as a {@link BigDecimal} with exactly {@value
 * #SCALE} decimal places and at most {@value #PRECISION} digits, matching every Avro {@code
 * decimal(38, 12)} field. Avro refuses to encode a decimal whose scale differs from the schema's,
 * so values are normalized here before they are put into a generated record.
 */
public final class Money {

  /** Decimal places of every money field; exact for per-million prices with 6 decimals. */
  public static final int SCALE = 12;

  /** Total digits of every money field (Avro decimal precision, ClickHouse Decimal(38, 12)). */
  public static final int PRECISION = 38;

  /** Zero at the contract's scale. */
  public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);

  private Money() {}

  /**
   * Parses a decimal string (e.g. {@code "0.000003"}) into a money value at the contract's scale.
   *
   * @throws IllegalArgumentException if the text is not a decimal number or does not fit exactly
   */
  public static BigDecimal usd(String decimalText) {
    if (decimalText == null) {
      throw new IllegalArgumentException("money text is null: pass a decimal string like \"1.25\"");
    }
    try {
      return normalize(new BigDecimal(decimalText.strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + decimalText + "' is not a decimal number: write it like \"0.000003\"", e);
    }
  }

  /**
   * Returns {@code amount} at scale {@value #SCALE} without rounding.
   *
   * @throws IllegalArgumentException if the amount needs rounding or has too many digits
   */
  public static BigDecimal normalize(BigDecimal amount) {
    if (amount == null) {
      throw new IllegalArgumentException("money amount is null: use Money.ZERO for no cost");
    }
    BigDecimal scaled;
    try {
      scaled = amount.setScale(SCALE, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          amount.toPlainString()
              + " has more than "
              + SCALE
              + " decimal places: round it explicitly (setScale("
              + SCALE
              + ", RoundingMode.HALF_EVEN)) where the rounding rule is known",
          e);
    }
    if (scaled.precision() > PRECISION) {
      throw new IllegalArgumentException(
          amount.toPlainString()
              + " has more than "
              + PRECISION
              + " digits at scale "
              + SCALE
              + ": the contract's money fields cannot hold it");
    }
    return scaled;
  }
}
