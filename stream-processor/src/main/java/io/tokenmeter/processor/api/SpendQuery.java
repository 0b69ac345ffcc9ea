package io.tokenmeter.processor.api;

import io.tokenmeter.processor.aggregate.AggregateWindow;
import io.tokenmeter.processor.aggregate.MonthKeys;
import io.tokenmeter.processor.aggregate.StoreKeys;
import io.tokenmeter.processor.aggregate.StoredTotals;
import io.tokenmeter.schema.v1.AggregateDimension;
import io.tokenmeter.schema.v1.WindowedAggregate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads a tenant's spend of a UTC day (DAY windows of the aggregate store) or a UTC calendar month
 * (the month-spend store): the TENANT, TENANT_MODEL and TENANT_WORKFLOW totals, each found with one
 * prefix scan.
 */
public final class SpendQuery {
  public static final String DAY = "day";
  public static final String MONTH = "month";

  private final Duration grace;
  private final Duration correctionRetention;
  private final Clock clock;

  public SpendQuery(Duration grace, Duration correctionRetention, Clock clock) {
    this.grace = grace;
    this.correctionRetention = correctionRetention;
    this.clock = clock;
  }

  /**
   * The oldest UTC day still answerable: a DAY window leaves the store grace + correction retention
   * after it ended. Judged by the clock, while the store expires by stream time; the two agree
   * while the processor keeps up.
   */
  public LocalDate oldestDay() {
    Instant expiredUpTo = clock.instant().minus(grace).minus(correctionRetention);
    return LocalDate.ofInstant(expiredUpTo.minus(Duration.ofDays(1)), ZoneOffset.UTC).plusDays(1);
  }

  /** The oldest UTC month still answerable: the month store keeps the current and previous one. */
  public YearMonth oldestMonth() {
    return YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).minusMonths(1);
  }

  /** Spend of the current UTC day (by the injected clock). */
  public TenantSpend today(ReadOnlyKeyValueStore<String, StoredTotals> store, String tenant) {
    return day(store, tenant, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
  }

  /** Spend of one UTC day; see {@link #oldestDay} for how far back the store answers. */
  public TenantSpend day(
      ReadOnlyKeyValueStore<String, StoredTotals> store, String tenant, LocalDate date) {
    long dayStart =
        AggregateWindow.DAY.startOf(date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
    return read(
        store,
        tenant,
        DAY,
        Instant.ofEpochMilli(dayStart),
        Instant.ofEpochMilli(AggregateWindow.DAY.endOf(dayStart)),
        dimension ->
            StoreKeys.tenantPrefix(dimension, AggregateWindow.DAY, dayStart, tenant, grace));
  }

  /** Spend of the current UTC calendar month (by the injected clock). */
  public TenantSpend thisMonth(
      ReadOnlyKeyValueStore<String, StoredTotals> monthStore, String tenant) {
    return month(monthStore, tenant, YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)));
  }

  /** Spend of a UTC month; only the current and the previous month are kept. */
  public TenantSpend month(
      ReadOnlyKeyValueStore<String, StoredTotals> monthStore, String tenant, YearMonth month) {
    return read(
        monthStore,
        tenant,
        MONTH,
        month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
        month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
        dimension -> MonthKeys.tenantPrefix(month, dimension, tenant));
  }

  private static TenantSpend read(
      ReadOnlyKeyValueStore<String, StoredTotals> store,
      String tenant,
      String period,
      Instant start,
      Instant end,
      Function<AggregateDimension, String> prefix) {
    List<WindowedAggregate> totals = scan(store, prefix.apply(AggregateDimension.TENANT));
    List<WindowedAggregate> byModel = scan(store, prefix.apply(AggregateDimension.TENANT_MODEL));
    byModel.sort(
        Comparator.comparing(WindowedAggregate::getProvider)
            .thenComparing(WindowedAggregate::getModel));
    List<WindowedAggregate> byWorkflow =
        scan(store, prefix.apply(AggregateDimension.TENANT_WORKFLOW));
    // A null workflow (usage outside any workflow) sorts first.
    byWorkflow.sort(
        Comparator.comparing(
            WindowedAggregate::getWorkflowId, Comparator.nullsFirst(Comparator.naturalOrder())));
    return new TenantSpend(
        tenant, period, start, end, totals.isEmpty() ? null : totals.get(0), byModel, byWorkflow);
  }

  private static List<WindowedAggregate> scan(
      ReadOnlyKeyValueStore<String, StoredTotals> store, String prefix) {
    List<WindowedAggregate> found = new ArrayList<>();
    try (KeyValueIterator<String, StoredTotals> range =
        store.prefixScan(prefix, new StringSerializer())) {
      range.forEachRemaining(entry -> found.add(entry.value.totals()));
    }
    return found;
  }
}
