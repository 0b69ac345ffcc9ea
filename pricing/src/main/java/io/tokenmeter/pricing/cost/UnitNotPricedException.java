package io.tokenmeter.pricing.cost;

/**
 * The event used a non-token unit the price has no rate for (UnpricedReason.UNIT_NOT_PRICED):
 * pricing it as free would hide cost, so the caller parks the event instead.
 */
public final class UnitNotPricedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String unit;

  public UnitNotPricedException(String unit, String versionId) {
    super("unit '" + unit + "' has no rate in price " + versionId);
    this.unit = unit;
  }

  public String unit() {
    return unit;
  }
}
