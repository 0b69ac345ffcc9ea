package io.tokenmeter.cli.prices;

import java.math.BigDecimal;

/**
 * Shows a per-token rate as USD per million tokens, the unit price lists use, exactly (a shift of
 * the decimal point, never a division or a double).
 */
final class UsdPerMillion {

  static final String NONE = "-";
  private static final int MILLION_EXPONENT = 6;

  private UsdPerMillion() {}

  static String format(BigDecimal perToken) {
    return perToken == null ? NONE : plain(perToken.movePointRight(MILLION_EXPONENT));
  }

  /** Without trailing zeros and without an exponent: 3, 0.3, 0.075. */
  static String plain(BigDecimal value) {
    if (value == null) {
      return NONE;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }
}
