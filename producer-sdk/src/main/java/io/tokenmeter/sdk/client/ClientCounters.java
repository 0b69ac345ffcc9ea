package io.tokenmeter.sdk.client;

import java.util.concurrent.atomic.LongAdder;

/** Counters updated from caller threads and the producer's I/O thread without contention. */
final class ClientCounters {
  private final LongAdder published = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final LongAdder inFlight = new LongAdder();

  void accepted() {
    inFlight.increment();
  }

  void succeeded() {
    inFlight.decrement();
    published.increment();
  }

  void failed() {
    inFlight.decrement();
    failed.increment();
  }

  void rejected() {
    rejected.increment();
  }

  UsageClientMetrics snapshot() {
    return new UsageClientMetrics(published.sum(), failed.sum(), rejected.sum(), inFlight.sum());
  }
}
