package io.tokenmeter.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashMarkerTest {
  @TempDir Path stateDir;

  @Test
  void shouldReportACrashOnlyWhenTheLastRunDidNotStopCleanly() {
    CrashMarker first = new CrashMarker(stateDir, "app");
    assertThat(first.previousRunCrashed()).isFalse();
    first.markRunning();

    assertThat(new CrashMarker(stateDir, "app").previousRunCrashed()).isTrue();
    assertThat(new CrashMarker(stateDir, "other-app").previousRunCrashed()).isFalse();

    first.markStopped();
    assertThat(new CrashMarker(stateDir, "app").previousRunCrashed()).isFalse();
  }
}
