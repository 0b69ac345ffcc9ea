package io.tokenmeter.pricing.model;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One full set of rates in USD per single unit (the Avro {@code UnitPrices}), immutable, every rate
 * at scale 12. A null component means "no separate rate": the {@code effective...} accessors apply
 * the fallback the contract names (cache read falls back to uncached input, reasoning to
 * output...), never zero.
 */
public record UnitRates(
    BigDecimal uncachedInput,
    BigDecimal cacheRead,
    BigDecimal cacheWrite5m,
    BigDecimal cacheWrite1h,
    BigDecimal output,
    BigDecimal reasoning,
    BigDecimal audioInput,
    BigDecimal cacheAudioRead,
    BigDecimal audioOutput,
    BigDecimal perRequest,
    Map<String, BigDecimal> otherUnits) {

  /** Validates every rate (non-negative, at most 12 decimals) and brings it to scale 12. */
  public UnitRates {
    uncachedInput = Money.exact(uncachedInput, "uncached input rate");
    cacheRead = Money.exactOrNull(cacheRead, "cache read rate");
    cacheWrite5m = Money.exactOrNull(cacheWrite5m, "5-minute cache write rate");
    cacheWrite1h = Money.exactOrNull(cacheWrite1h, "1-hour cache write rate");
    output = Money.exact(output, "output rate");
    reasoning = Money.exactOrNull(reasoning, "reasoning rate");
    audioInput = Money.exactOrNull(audioInput, "audio input rate");
    cacheAudioRead = Money.exactOrNull(cacheAudioRead, "audio cache read rate");
    audioOutput = Money.exactOrNull(audioOutput, "audio output rate");
    perRequest = Money.exactOrNull(perRequest, "per-request fee");
    TreeMap<String, BigDecimal> units = new TreeMap<>();
    if (otherUnits != null) {
      otherUnits.forEach(
          (name, rate) -> units.put(name, Money.exact(rate, "rate of unit " + name)));
    }
    otherUnits = Map.copyOf(units);
  }

  /** Rates with only input and output priced; add the others with the {@code with...} methods. */
  public static UnitRates of(BigDecimal uncachedInput, BigDecimal output) {
    return new UnitRates(
        uncachedInput, null, null, null, output, null, null, null, null, null, Map.of());
  }

  public UnitRates withCacheRead(BigDecimal rate) {
    return edited(draft -> draft.cacheRead = rate);
  }

  public UnitRates withCacheWrites(BigDecimal fiveMinutes, BigDecimal oneHour) {
    return edited(
        draft -> {
          draft.cacheWrite5m = fiveMinutes;
          draft.cacheWrite1h = oneHour;
        });
  }

  public UnitRates withReasoning(BigDecimal rate) {
    return edited(draft -> draft.reasoning = rate);
  }

  public UnitRates withAudio(BigDecimal input, BigDecimal cacheRead, BigDecimal output) {
    return edited(
        draft -> {
          draft.audioInput = input;
          draft.cacheAudioRead = cacheRead;
          draft.audioOutput = output;
        });
  }

  public UnitRates withPerRequest(BigDecimal fee) {
    return edited(draft -> draft.perRequest = fee);
  }

  public UnitRates withOtherUnits(Map<String, BigDecimal> rates) {
    return edited(draft -> draft.otherUnits = rates);
  }

  /** A copy with {@code change} applied; the canonical constructor validates the result. */
  private UnitRates edited(Consumer<Draft> change) {
    Draft draft = new Draft(this);
    change.accept(draft);
    return draft.build();
  }

  /** The components of a copy being edited; lives only inside {@link #edited}. */
  private static final class Draft {
    private final BigDecimal uncachedInput;
    private BigDecimal cacheRead;
    private BigDecimal cacheWrite5m;
    private BigDecimal cacheWrite1h;
    private final BigDecimal output;
    private BigDecimal reasoning;
    private BigDecimal audioInput;
    private BigDecimal cacheAudioRead;
    private BigDecimal audioOutput;
    private BigDecimal perRequest;
    private Map<String, BigDecimal> otherUnits;

    private Draft(UnitRates rates) {
      uncachedInput = rates.uncachedInput;
      cacheRead = rates.cacheRead;
      cacheWrite5m = rates.cacheWrite5m;
      cacheWrite1h = rates.cacheWrite1h;
      output = rates.output;
      reasoning = rates.reasoning;
      audioInput = rates.audioInput;
      cacheAudioRead = rates.cacheAudioRead;
      audioOutput = rates.audioOutput;
      perRequest = rates.perRequest;
      otherUnits = rates.otherUnits;
    }

    private UnitRates build() {
      return new UnitRates(
          uncachedInput,
          cacheRead,
          cacheWrite5m,
          cacheWrite1h,
          output,
          reasoning,
          audioInput,
          cacheAudioRead,
          audioOutput,
          perRequest,
          otherUnits);
    }
  }

  /** Text cache reads; null rate = uncached input rate. */
  public BigDecimal effectiveCacheRead() {
    return cacheRead != null ? cacheRead : uncachedInput;
  }

  /** 5-minute (and unsplit) cache writes; null rate = uncached input rate. */
  public BigDecimal effectiveCacheWrite5m() {
    return cacheWrite5m != null ? cacheWrite5m : uncachedInput;
  }

  /** 1-hour cache writes; null rate = the 5-minute write rate (itself falling back to input). */
  public BigDecimal effectiveCacheWrite1h() {
    return cacheWrite1h != null ? cacheWrite1h : effectiveCacheWrite5m();
  }

  /** Uncached audio input; null rate = uncached input rate. */
  public BigDecimal effectiveAudioInput() {
    return audioInput != null ? audioInput : uncachedInput;
  }

  /**
   * Audio cache reads; null rate = the text cache read rate when the price has one, else the audio
   * input rate (a price without any cache discount bills a cached audio token as an audio token, as
   * genai-prices does), else the uncached input rate.
   */
  public BigDecimal effectiveCacheAudioRead() {
    if (cacheAudioRead != null) {
      return cacheAudioRead;
    }
    return cacheRead != null ? cacheRead : effectiveAudioInput();
  }

  /** Audio output; null rate = output rate. */
  public BigDecimal effectiveAudioOutput() {
    return audioOutput != null ? audioOutput : output;
  }

  /** The reasoning rate when reasoning is priced apart from output; empty = inside output. */
  public Optional<BigDecimal> separateReasoning() {
    return Optional.ofNullable(reasoning);
  }

  /** The fee per request; zero when the price has none. */
  public BigDecimal effectivePerRequest() {
    return perRequest != null ? perRequest : Money.ZERO;
  }

  /** The rate of a non-token unit, if the price has one. */
  public Optional<BigDecimal> otherUnit(String name) {
    return Optional.ofNullable(otherUnits.get(name));
  }
}
