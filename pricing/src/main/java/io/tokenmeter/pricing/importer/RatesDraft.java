package io.tokenmeter.pricing.importer;

import io.tokenmeter.pricing.model.Money;
import io.tokenmeter.pricing.model.UnitRates;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A rate set being assembled field by field from a catalog entry (per-unit rates). Input and output
 * rates a source leaves out are 0, as in the source: such a model bills nothing for them.
 */
final class RatesDraft {

  /** The token rates of the contract. */
  enum Field {
    INPUT,
    CACHE_READ,
    CACHE_WRITE_5M,
    CACHE_WRITE_1H,
    OUTPUT,
    REASONING,
    AUDIO_INPUT,
    CACHE_AUDIO_READ,
    AUDIO_OUTPUT,
    PER_REQUEST
  }

  private final EnumMap<Field, BigDecimal> rates = new EnumMap<>(Field.class);
  private final Map<String, BigDecimal> otherUnits = new TreeMap<>();

  RatesDraft copy() {
    RatesDraft copy = new RatesDraft();
    copy.rates.putAll(rates);
    copy.otherUnits.putAll(otherUnits);
    return copy;
  }

  RatesDraft set(Field field, BigDecimal perUnit) {
    rates.put(field, perUnit);
    return this;
  }

  boolean has(Field field) {
    return rates.containsKey(field);
  }

  RatesDraft setUnit(String unit, BigDecimal perUnit) {
    otherUnits.put(unit, perUnit);
    return this;
  }

  boolean isEmpty() {
    return rates.isEmpty() && otherUnits.isEmpty();
  }

  UnitRates toRates() {
    return new UnitRates(
        rates.getOrDefault(Field.INPUT, Money.ZERO),
        rates.get(Field.CACHE_READ),
        rates.get(Field.CACHE_WRITE_5M),
        rates.get(Field.CACHE_WRITE_1H),
        rates.getOrDefault(Field.OUTPUT, Money.ZERO),
        rates.get(Field.REASONING),
        rates.get(Field.AUDIO_INPUT),
        rates.get(Field.CACHE_AUDIO_READ),
        rates.get(Field.AUDIO_OUTPUT),
        rates.get(Field.PER_REQUEST),
        otherUnits);
  }
}
