package io.tokenmeter.embedded.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaDataDirTest {

  @TempDir Path root;

  @Test
  void shouldFormatANewDirectoryOnceAndKeepItsClusterId() throws Exception {
    KafkaDataDir dataDir = new KafkaDataDir(root);
    Map<String, String> properties = properties(dataDir);
    assertThat(dataDir.isFormatted()).isFalse();

    String clusterId = dataDir.prepare(properties);
    String meta = Files.readString(dataDir.logDir().resolve("meta.properties"));
    String again = new KafkaDataDir(root).prepare(properties);

    assertThat(dataDir.isFormatted()).isTrue();
    assertThat(meta).contains("cluster.id=" + clusterId);
    assertThat(again).isEqualTo(clusterId);
    assertThat(root.resolve(KafkaDataDir.SERVER_PROPERTIES_NAME)).isRegularFile();
  }

  @Test
  void shouldRememberThePortsOfTheLastRun() {
    KafkaDataDir dataDir = new KafkaDataDir(root);
    assertThat(dataDir.previousPorts()).isEmpty();

    dataDir.rememberPorts(new ListenerPorts(40_001, 40_002));

    assertThat(new KafkaDataDir(root).previousPorts())
        .isEqualTo(Optional.of(new ListenerPorts(40_001, 40_002)));
  }

  @Test
  void shouldIgnoreAnUnreadablePortsFile() throws Exception {
    Files.writeString(root.resolve(KafkaDataDir.PORTS_FILE_NAME), "broker.port=x\n");

    assertThat(new KafkaDataDir(root).previousPorts()).isEmpty();
  }

  @Test
  void shouldDeleteTheWholeDirectory() throws Exception {
    Files.createDirectories(root.resolve("a/b"));
    Files.writeString(root.resolve("a/b/file"), "data");

    new KafkaDataDir(root).delete();

    assertThat(root).doesNotExist();
  }

  @Test
  void shouldLetOnlyOneHolderLockADirectory() {
    try (DataDirLock first = DataDirLock.acquire(root)) {
      assertThatThrownBy(() -> DataDirLock.acquire(root))
          .hasMessageContaining("in use by another running EmbeddedKafka");
    }
    DataDirLock.acquire(root).close();
  }

  private static Map<String, String> properties(KafkaDataDir dataDir) {
    return BrokerProperties.of(
        EmbeddedKafka.builder().settings(), new ListenerPorts(40_011, 40_012), dataDir.logDir());
  }
}
