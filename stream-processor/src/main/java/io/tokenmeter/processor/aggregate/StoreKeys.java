package io.tokenmeter.processor.aggregate;

import io.tokenmeter.schema.v1.AggregateDimension;
import java.time.Duration;

/**
 * Keys of the aggregate store: the window's close time (end + grace), zero-padded so that byte
 * order is time order, then the aggregate id. A range scan up to a close time then finds exactly
 * the windows that have closed, without reading the open ones.
 */
public final class StoreKeys {
  private static final int WIDTH = 19;

  /** Sorts after every aggregate id that follows the same close-time prefix ('~' > '|'). */
  private static final char AFTER_ANY_ID = '~';

  private StoreKeys() {}

  static String of(long closeTimeMs, AggregateKey key) {
    return prefix(closeTimeMs) + '|' + key.id();
  }

  /** Lowest key with a close time at or after {@code closeTimeMs}. */
  static String from(long closeTimeMs) {
    return prefix(Math.max(0, closeTimeMs));
  }

  /** Highest key with a close time at or before {@code closeTimeMs} (inclusive range end). */
  static String upTo(long closeTimeMs) {
    return prefix(Math.max(0, closeTimeMs)) + AFTER_ANY_ID;
  }

  /** The close time (epoch ms) a store key starts with. */
  static long closeTime(String storeKey) {
    return Long.parseLong(storeKey, 0, WIDTH, 10);
  }

  /** The aggregate id part of a store key (the Kafka key of output records). */
  static String aggregateId(String storeKey) {
    return storeKey.substring(WIDTH + 1);
  }

  /**
   * Prefix of the store keys of every aggregate of {@code tenantId} in one dimension and window
   * (for the spend API's prefix scans). The tenant id is length-prefixed in the key, so the prefix
   * of tenant "a" never matches tenant "a/b".
   */
  public static String tenantPrefix(
      AggregateDimension dimension,
      AggregateWindow window,
      long windowStartMs,
      String tenantId,
      Duration grace) {
    AggregateKey key =
        new AggregateKey(dimension, window, windowStartMs, tenantId, null, null, null);
    String id = key.id();
    // The id ends with the three absent fields "-/-/-"; cut them to keep "…/len:tenant/".
    String tenantPart = id.substring(0, id.length() - "-/-/-".length());
    return of(key.windowEndMs() + grace.toMillis(), tenantPart);
  }

  private static String of(long closeTimeMs, String idPrefix) {
    return prefix(closeTimeMs) + '|' + idPrefix;
  }

  private static String prefix(long closeTimeMs) {
    char[] digits = new char[WIDTH];
    long rest = closeTimeMs;
    for (int i = WIDTH - 1; i >= 0; i--) {
      digits[i] = (char) ('0' + rest % 10);
      rest /= 10;
    }
    return new String(digits);
  }
}
