package io.tokenmeter.sdk.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that runs sends the caller must not wait for, in submission order. It drains the
 * queue in batches, so a burst costs one wake-up rather than one per event. The queue needs no
 * bound of its own: every event in it holds one of the sender's buffer permits.
 */
final class SenderThread {
  private static final Logger LOGGER = LoggerFactory.getLogger(SenderThread.class);

  /** Tasks taken per wake-up; bounds the batch list, not throughput. */
  static final int MAX_DRAIN = 512;

  private static final Runnable STOP = () -> {};

  /** In {@link #afterStop} once the thread has exited: a hook set later runs on its caller. */
  private static final Runnable EXITED = () -> {};

  private final AtomicReference<Runnable> afterStop = new AtomicReference<>();

  private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean stopped;

  SenderThread(String name) {
    thread = new Thread(this::loop, name);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Queues a task behind all earlier ones.
   *
   * @throws RejectedExecutionException once the thread stopped; the task was not and will not be
   *     run
   */
  void submit(Runnable task) {
    tasks.add(task);
    // The thread sets `stopped` before its final drain, so a task added before that drain runs,
    // and one added after it is still in the queue here and can be taken back.
    if (stopped && tasks.remove(task)) {
      throw new RejectedExecutionException("usage sender stopped");
    }
  }

  /** Tasks waiting for the thread; a cheap read (the queue keeps an atomic count). */
  int backlog() {
    return tasks.size();
  }

  /**
   * Runs what is queued, then stops, then runs {@code afterStop} (exactly once); waits up to {@code
   * timeout} for that. When the thread is still busy after {@code timeout}, {@code afterStop} runs
   * later, on this thread as it exits: it is for closing what the queued tasks use, which must not
   * happen under a task still running. Call once.
   */
  void shutdown(Duration timeout, Runnable afterStop) {
    tasks.add(STOP);
    if (!this.afterStop.compareAndSet(null, afterStop)) {
      if (this.afterStop.get() != EXITED) {
        throw new IllegalStateException("usage sender shutdown was already requested");
      }
      // The thread exited already (it was interrupted): no task can still use what this closes.
      runSafely(afterStop);
    }
    try {
      thread.join(Math.max(1L, timeout.toMillis()));
      if (thread.isAlive()) {
        LOGGER.warn(
            "usage sender thread still busy after {}; its resources close when it stops", timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void loop() {
    List<Runnable> batch = new ArrayList<>(MAX_DRAIN);
    try {
      while (runBatch(batch)) {
        batch.clear();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOGGER.warn("usage sender thread interrupted; running what is queued and stopping");
    } finally {
      stopped = true;
      batch.clear();
      tasks.drainTo(batch);
      batch.forEach(SenderThread::runSafely);
      Runnable hook = afterStop.getAndSet(EXITED);
      if (hook != null) {
        runSafely(hook);
      }
    }
  }

  /** Returns false once {@link #STOP} was reached; tasks queued behind it still run. */
  private boolean runBatch(List<Runnable> batch) throws InterruptedException {
    batch.add(tasks.take());
    tasks.drainTo(batch, MAX_DRAIN - 1);
    boolean keepRunning = true;
    for (Runnable task : batch) {
      if (task == STOP) {
        keepRunning = false;
      } else {
        runSafely(task);
      }
    }
    return keepRunning;
  }

  private static void runSafely(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      // Each task settles its own future; this only keeps the thread alive on a bug.
      LOGGER.error("usage sender task failed", e);
    }
  }
}
