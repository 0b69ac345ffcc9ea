package io.tokenmeter.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
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

  @Test
  void shouldKeepStateOfAKilledRunThatLeftNoTaskCheckpoint() throws IOException {
    CrashMarker marker = new CrashMarker(stateDir, "app");
    marker.markRunning();
    Files.createDirectories(stateDir.resolve("app").resolve("0_0").resolve("rocksdb"));

    assertThat(marker.previousRunCrashed()).isTrue();
    assertThat(marker.killedRunLeftTaskCheckpoint()).isFalse();
  }

  @Test
  void shouldWipeStateOfAKilledRunThatLeftATaskCheckpoint() throws IOException {
    CrashMarker marker = new CrashMarker(stateDir, "app");
    marker.markRunning();
    writeCheckpoint("app", "1_2");

    assertThat(marker.killedRunLeftTaskCheckpoint()).isTrue();
    assertThat(new CrashMarker(stateDir, "other-app").killedRunLeftTaskCheckpoint()).isFalse();
  }

  @Test
  void shouldTrustATaskCheckpointAfterACleanStop() throws IOException {
    CrashMarker marker = new CrashMarker(stateDir, "app");
    marker.markRunning();
    writeCheckpoint("app", "0_0");
    marker.markStopped();

    assertThat(marker.killedRunLeftTaskCheckpoint()).isFalse();
  }

  @Test
  void shouldIgnoreTheGlobalStoresCheckpoint() throws IOException {
    CrashMarker marker = new CrashMarker(stateDir, "app");
    marker.markRunning();
    writeCheckpoint("app", "global");

    assertThat(marker.killedRunLeftTaskCheckpoint()).isFalse();
  }

  private void writeCheckpoint(String applicationId, String taskDirectory) throws IOException {
    Path task = Files.createDirectories(stateDir.resolve(applicationId).resolve(taskDirectory));
    Files.writeString(task.resolve(CrashMarker.TASK_CHECKPOINT), "0\n1\nchangelog 0 42\n");
  }
}
