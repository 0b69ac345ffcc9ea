package io.tokenmeter.sdk.budget;

import java.util.Locale;

/** The periods the spend API sums a tenant's spend over (UTC calendar day or month). */
public enum SpendPeriod {
  DAY,
  MONTH;

  /** The {@code period} query value. */
  String queryValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
