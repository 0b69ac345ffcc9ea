package io.tokenmeter.sdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SenderThreadTest {

  @Test
  void shouldRunTheAfterStopHookOnceAfterEveryQueuedTask() {
    SenderThread sender = new SenderThread("sender-under-test");
    List<String> ran = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 3; i++) {
      int task = i;
      sender.submit(() -> ran.add("task " + task));
    }

    sender.shutdown(Duration.ofSeconds(5), () -> ran.add("after stop"));

    assertThat(ran).containsExactly("task 0", "task 1", "task 2", "after stop");
    assertThatThrownBy(() -> sender.submit(() -> ran.add("late"))).hasMessageContaining("stopped");
  }

  @Test
  void shouldRunTheHookOnTheSenderThreadWhenItStopsAfterTheTimeout() throws Exception {
    SenderThread sender = new SenderThread("slow-sender");
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch hookRan = new CountDownLatch(1);
    List<String> hookThread = new CopyOnWriteArrayList<>();
    sender.submit(
        () -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });

    sender.shutdown(
        Duration.ofMillis(50),
        () -> {
          hookThread.add(Thread.currentThread().getName());
          hookRan.countDown();
        });

    assertThat(hookThread).as("not under the running task").isEmpty();
    release.countDown();
    assertThat(hookRan.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(hookThread).containsExactly("slow-sender");
  }

  @Test
  void shouldRefuseASecondShutdownWhileTheFirstHookIsPending() {
    SenderThread sender = new SenderThread("busy-sender");
    CountDownLatch release = new CountDownLatch(1);
    sender.submit(
        () -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    sender.shutdown(Duration.ofMillis(10), () -> {});

    assertThatThrownBy(() -> sender.shutdown(Duration.ofMillis(10), () -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already requested");
    release.countDown();
  }
}
