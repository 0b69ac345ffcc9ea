package io.tokenmeter.embedded.kafka;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a blocking broker call on its own daemon thread and waits a bounded time for it. Kafka's
 * startup and shutdown have no timeouts of their own; a daemon thread that is still stuck never
 * keeps the JVM alive.
 */
final class BoundedTask {

  private BoundedTask() {}

  /**
   * Returns true when the task finished in time, false when it is still running after the timeout.
   * A failure of the task is rethrown unchecked.
   */
  static boolean run(String threadName, Runnable task, Duration timeout)
      throws InterruptedException {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread.ofPlatform()
        .name(threadName)
        .daemon(true)
        .start(
            () -> {
              try {
                task.run();
                done.complete(null);
              } catch (Throwable t) {
                done.completeExceptionally(t);
              }
            });
    try {
      done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(threadName + " failed", cause);
    }
  }
}
