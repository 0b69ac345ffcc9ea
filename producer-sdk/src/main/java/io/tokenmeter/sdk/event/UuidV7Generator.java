package io.tokenmeter.sdk.event;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/**
 * Time-ordered event ids: UUID version 7 (RFC 9562), 48 bits of Unix milliseconds then random bits.
 * Ids sort by creation time, which keeps them friendly to ClickHouse sort keys and to humans
 * reading logs. Within one millisecond the 12-bit {@code rand_a} field is used as a counter (RFC
 * 9562 section 6.2, method 1), so ids from one generator are strictly increasing even when the
 * clock stands still or steps back. Thread-safe.
 */
public final class UuidV7Generator {
  private static final int COUNTER_BITS = 12;
  private static final int COUNTER_MAX = (1 << COUNTER_BITS) - 1;
  private static final long VERSION_7 = 0x7000L;
  private static final long VARIANT_RFC = 0x8000_0000_0000_0000L;
  private static final long RAND_B_MASK = 0x3FFF_FFFF_FFFF_FFFFL;

  /**
   * Random bytes drawn per call to the SecureRandom: the default (NativePRNG) reads the OS source
   * under a lock on every call, which cost more than the rest of building an event. Same bytes,
   * fewer calls.
   */
  static final int RANDOM_POOL_BYTES = 512;

  private final Clock clock;
  private final SecureRandom random;
  private final byte[] pool = new byte[RANDOM_POOL_BYTES];
  private int poolPosition = RANDOM_POOL_BYTES;
  private long lastMillis = Long.MIN_VALUE;
  private int counter;

  public UuidV7Generator(Clock clock, SecureRandom random) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** A generator on the system clock with a default SecureRandom. */
  public static UuidV7Generator systemDefault() {
    return new UuidV7Generator(Clock.systemUTC(), new SecureRandom());
  }

  public UUID next() {
    long millis;
    int sequence;
    long randomBits;
    synchronized (this) {
      randomBits = nextRandomLong();
      long now = clock.millis();
      if (now > lastMillis) {
        lastMillis = now;
        // Start the counter in the lower half so a burst has room before it overflows.
        counter = (int) (nextRandomLong() & (COUNTER_MAX >>> 1));
      } else if (counter < COUNTER_MAX) {
        counter++;
      } else {
        // Counter exhausted within one millisecond: borrow the next millisecond (RFC 9562 6.2).
        lastMillis++;
        counter = 0;
      }
      millis = lastMillis;
      sequence = counter;
    }
    long mostSignificant = (millis << 16) | VERSION_7 | sequence;
    long leastSignificant = VARIANT_RFC | (randomBits & RAND_B_MASK);
    return new UUID(mostSignificant, leastSignificant);
  }

  /**
   * Eight bytes of the pool, refilled from the SecureRandom when used up. Caller holds the lock.
   */
  private long nextRandomLong() {
    if (poolPosition + Long.BYTES > pool.length) {
      random.nextBytes(pool);
      poolPosition = 0;
    }
    long value = 0;
    for (int i = 0; i < Long.BYTES; i++) {
      value = (value << 8) | (pool[poolPosition++] & 0xFF);
    }
    return value;
  }
}
