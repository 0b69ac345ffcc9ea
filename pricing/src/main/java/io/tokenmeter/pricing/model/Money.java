package io.tokenmeter.pricing.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one place that decides how money is represented: USD as {@link BigDecimal} with scale {@value
 * #SCALE}, the scale of every decimal in the Avro contract.
 *
 * <p>Rounding rule: a rate per single unit must fit in 12 decimals (a per-million price with up to
 * 6 decimals always does), so {@code count x rate} and every sum of such products are exact at
 * scale 12 and costs are never rounded. Only importers that convert a per-million or per-thousand
 * price with more decimals round, HALF_EVEN, through {@link #roundedRate}, and they report it.
 */
public final class Money {

  /** Decimal places of every USD amount and rate. */
  public static final int SCALE = 12;

  /** Zero at {@link #SCALE}. */
  public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);

  private static final int MILLION_EXPONENT = 6;
  private static final int THOUSAND_EXPONENT = 3;

  private Money() {}

  /**
   * Returns {@code value} at scale 12 without rounding.
   *
   * @throws IllegalArgumentException when the value is negative or needs more than 12 decimals
   */
  public static BigDecimal exact(BigDecimal value, String what) {
    if (value == null) {
      throw new IllegalArgumentException(what + " is missing; give a decimal number of USD");
    }
    if (value.signum() < 0) {
      throw new IllegalArgumentException(what + " is negative (" + value + "); prices are >= 0");
    }
    try {
      return value.setScale(SCALE, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          what
              + " = "
              + value.toPlainString()
              + " has more than "
              + SCALE
              + " decimals; round it to "
              + SCALE
              + " decimals of USD per single unit",
          e);
    }
  }

  /** Like {@link #exact} but null stays null (an optional rate). */
  public static BigDecimal exactOrNull(BigDecimal value, String what) {
    return value == null ? null : exact(value, what);
  }

  /** Converts a price per million units to a price per unit, rounding HALF_EVEN if needed. */
  public static BigDecimal perUnitFromPerMillion(BigDecimal perMillion) {
    return roundedRate(perMillion.movePointLeft(MILLION_EXPONENT));
  }

  /** Converts a price per thousand units to a price per unit, rounding HALF_EVEN if needed. */
  public static BigDecimal perUnitFromPerThousand(BigDecimal perThousand) {
    return roundedRate(perThousand.movePointLeft(THOUSAND_EXPONENT));
  }

  /** Returns the rate at scale 12, rounded HALF_EVEN when it has more decimals. */
  public static BigDecimal roundedRate(BigDecimal rate) {
    return rate.setScale(SCALE, RoundingMode.HALF_EVEN);
  }

  /** True when {@code rate} fits scale 12 without rounding. */
  public static boolean fitsScale(BigDecimal rate) {
    return rate.stripTrailingZeros().scale() <= SCALE;
  }

  /** Cost of {@code count} units at {@code rate}: exact, scale 12. */
  public static BigDecimal times(long count, BigDecimal rate) {
    return rate.multiply(BigDecimal.valueOf(count)).setScale(SCALE, RoundingMode.UNNECESSARY);
  }

  /** Price per million units, for display and the readable catalog format (no trailing zeros). */
  public static String perMillionText(BigDecimal perUnit) {
    BigDecimal perMillion = perUnit.movePointRight(MILLION_EXPONENT).stripTrailingZeros();
    return perMillion.signum() == 0 ? "0" : perMillion.toPlainString();
  }
}
