package io.tokenmeter.processor.aggregate;

/**
 * Keys of the aggregate store: the window's close time (end + grace), zero-padded so that byte
 * order is time order, then the aggregate id. A range scan up to a close time then finds exactly
 * the windows that have closed, without reading the open ones.
 */
final class StoreKeys {
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

  /** The aggregate id part of a store key (the Kafka key of output records). */
  static String aggregateId(String storeKey) {
    return storeKey.substring(WIDTH + 1);
  }

  private static String prefix(long closeTimeMs) {
    String digits = Long.toString(closeTimeMs);
    return "0".repeat(WIDTH - digits.length()) + digits;
  }
}
