package io.tokenmeter.processor.aggregate;

import io.tokenmeter.schema.v1.AggregateDimension;
import java.time.YearMonth;

/**
 * Keys of the month-spend store: {@code yyyy-MM|DIMENSION/len:tenant/...}, so byte order is month
 * order (old months are one range) and one tenant's totals of a dimension are one prefix.
 */
public final class MonthKeys {
  static final String FIRST = "0000";

  private MonthKeys() {}

  /** The key of the month totals of the aggregate {@code dayKey} describes (window ignored). */
  static String of(YearMonth month, AggregateKey dayKey) {
    return month + "|" + withoutWindow(dayKey.id());
  }

  /** Prefix of every key of {@code tenantId} in one dimension and month. */
  public static String tenantPrefix(
      YearMonth month, AggregateDimension dimension, String tenantId) {
    AggregateKey key =
        new AggregateKey(dimension, AggregateWindow.DAY, 0, tenantId, null, null, null);
    String id = withoutWindow(key.id());
    // Cut the three absent fields "-/-/-" to keep "…/len:tenant/".
    return month + "|" + id.substring(0, id.length() - "-/-/-".length());
  }

  /** Inclusive range end just before {@code month}'s keys ('|' sorts after digits). */
  static String before(YearMonth month) {
    return month.minusMonths(1) + "|~";
  }

  /** Drops the "WINDOW/start/" part of an aggregate id: "TENANT/DAY/123/..." to "TENANT/...". */
  private static String withoutWindow(String id) {
    int first = id.indexOf('/');
    int third = id.indexOf('/', id.indexOf('/', first + 1) + 1);
    return id.substring(0, first) + id.substring(third);
  }
}
