package io.tokenmeter.processor.enrich;

import io.tokenmeter.pricing.catalog.PricingOutcome;
import io.tokenmeter.pricing.catalog.PricingRecords;
import io.tokenmeter.pricing.catalog.Unpriced;
import io.tokenmeter.pricing.cost.InvalidUsageException;
import io.tokenmeter.processor.ProcessorMetrics;
import io.tokenmeter.processor.deadletter.DeadLetters;
import io.tokenmeter.processor.deadletter.DecodedUsage;
import io.tokenmeter.processor.topology.StoreNames;
import io.tokenmeter.schema.v1.DeadLetterReason;
import io.tokenmeter.schema.v1.UnpricedReason;
import io.tokenmeter.schema.v1.UnpricedUsage;
import io.tokenmeter.schema.v1.UsageEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prices each valid event with the version in force at its event time. An event without a price is
 * emitted as unpriced and parked (unless its usage is incomplete, which no price fixes); when the
 * catalog changes, parked events are tried again and emitted as priced once a price matches. Output
 * key: tenant id. Dead letters pass through (their key travels inside the record).
 */
public final class PricingProcessor implements Processor<byte[], DecodedUsage, String, Enriched> {
  private static final Logger LOGGER = LoggerFactory.getLogger(PricingProcessor.class);
  public static final String STAGE_PRICE = "stream-processor/price";

  private final LiveCatalog catalog;
  private final Clock clock;
  private final Duration retryInterval;
  private ProcessorContext<String, Enriched> context;
  private KeyValueStore<String, UnpricedUsage> parked;
  private Sensor pricedSensor;
  private Sensor unpricedSensor;
  private Sensor repricedSensor;
  private Sensor deadLetterSensor;
  private Sensor pricingLatency;
  private long triedAtRevision = -1;

  public PricingProcessor(LiveCatalog catalog, Clock clock, Duration retryInterval) {
    this.catalog = catalog;
    this.clock = clock;
    this.retryInterval = retryInterval;
  }

  @Override
  public void init(ProcessorContext<String, Enriched> context) {
    this.context = context;
    this.parked = context.getStateStore(StoreNames.UNPRICED_PARKING);
    pricedSensor = ProcessorMetrics.sensor(context, ProcessorMetrics.EVENTS_PRICED);
    unpricedSensor = ProcessorMetrics.sensor(context, ProcessorMetrics.EVENTS_UNPRICED);
    repricedSensor = ProcessorMetrics.sensor(context, ProcessorMetrics.EVENTS_REPRICED);
    deadLetterSensor = ProcessorMetrics.sensor(context, ProcessorMetrics.DEAD_LETTERS);
    pricingLatency = ProcessorMetrics.latencySensor(context, ProcessorMetrics.PRICING);
    context.schedule(retryInterval, PunctuationType.WALL_CLOCK_TIME, now -> retryParked());
  }

  @Override
  public void process(Record<byte[], DecodedUsage> record) {
    switch (record.value()) {
      case DecodedUsage.Rejected rejected ->
          context.forward(
              new Record<>(null, new Enriched.Failed(rejected.deadLetter()), record.timestamp()));
      case DecodedUsage.Valid valid -> price(valid, record.timestamp());
    }
  }

  private void price(DecodedUsage.Valid valid, long timestamp) {
    // Elapsed time for the latency metric only, no logic depends on it (hence not the Clock); it
    // ends before the forward, so it measures pricing, not the serialization and sends after it.
    long start = System.nanoTime();
    UsageEvent event = valid.event();
    PricingOutcome outcome;
    try {
      outcome = catalog.price(event);
    } catch (InvalidUsageException e) {
      deadLetter(valid, DeadLetterReason.INVALID_EVENT, e, timestamp);
      return;
    } catch (RuntimeException e) {
      LOGGER.warn("Pricing event {} failed; dead-lettering it", event.getEventId(), e);
      deadLetter(valid, DeadLetterReason.PROCESSING_FAILED, e, timestamp);
      return;
    }
    String tenant = event.getTenantId();
    switch (outcome) {
      case PricingOutcome.Priced priced -> {
        pricedSensor.record();
        Enriched out =
            new Enriched.Priced(PricingRecords.priced(event, priced, clock.instant(), null));
        pricingLatency.record(System.nanoTime() - start);
        context.forward(new Record<>(tenant, out, timestamp));
      }
      case Unpriced why -> {
        unpricedSensor.record();
        Instant now = clock.instant();
        UnpricedUsage unpriced = PricingRecords.unpriced(event, why, now, now);
        if (why.reason() != UnpricedReason.USAGE_INCOMPLETE) {
          parked.put(event.getEventId(), unpriced);
        }
        pricingLatency.record(System.nanoTime() - start);
        context.forward(
            new Record<>(
                tenant, new Enriched.Unpriced(unpriced), timestamp, UnpricedHeaders.unpriced()));
      }
    }
  }

  private void deadLetter(
      DecodedUsage.Valid valid, DeadLetterReason reason, RuntimeException e, long timestamp) {
    deadLetterSensor.record();
    var letter =
        DeadLetters.of(
            valid.origin(),
            valid.rawKey(),
            valid.rawValue(),
            reason,
            e.getMessage() == null ? e.toString() : e.getMessage(),
            STAGE_PRICE,
            e,
            clock.instant());
    context.forward(new Record<>(null, new Enriched.Failed(letter), timestamp));
  }

  /** Tries every parked event again, but only when the catalog changed since the last try. */
  private void retryParked() {
    long revision = catalog.revision();
    if (revision == triedAtRevision) {
      return;
    }
    triedAtRevision = revision;
    List<KeyValue<String, UnpricedUsage>> waiting = new ArrayList<>();
    try (var all = parked.all()) {
      all.forEachRemaining(waiting::add);
    }
    int repriced = 0;
    for (var entry : waiting) {
      UsageEvent event = entry.value.getEvent();
      PricingOutcome outcome;
      try {
        outcome = catalog.price(event);
      } catch (RuntimeException e) {
        LOGGER.warn("Re-pricing parked event {} failed; it stays parked", event.getEventId(), e);
        continue;
      }
      if (outcome instanceof PricingOutcome.Priced priced) {
        Instant now = clock.instant();
        var out = PricingRecords.priced(event, priced, now, entry.value.getFirstSeen());
        parked.delete(entry.key);
        repricedSensor.record();
        repriced++;
        long eventTime = event.getEventTime().toEpochMilli();
        context.forward(new Record<>(event.getTenantId(), new Enriched.Priced(out), eventTime));
        UnpricedUsage resolved =
            UnpricedUsage.newBuilder(entry.value).setLastAttemptAt(now).build();
        context.forward(
            new Record<>(
                event.getTenantId(),
                new Enriched.Unpriced(resolved),
                eventTime,
                UnpricedHeaders.resolved(out.getPriceVersionId())));
      }
    }
    LOGGER.debug(
        "Re-priced {} of {} parked events at catalog revision {}",
        repriced,
        waiting.size(),
        revision);
  }
}
