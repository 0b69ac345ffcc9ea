package io.tokenmeter.devregistry;

import static io.tokenmeter.devregistry.TestSchemas.PRICE;
import static io.tokenmeter.devregistry.TestSchemas.USAGE_V1;
import static io.tokenmeter.devregistry.TestSchemas.USAGE_V2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmeter.devregistry.RegistryHttp.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** State in a data directory survives restarts with the same ids, versions and configs. */
class PersistenceIT {
  @TempDir Path dataDir;

  private DevRegistry start() {
    return DevRegistry.start(DevRegistryConfig.builder().dataDir(dataDir).build());
  }

  /** Everything a client can observe about the state, as one text, to compare across restarts. */
  private static String snapshot(RegistryHttp http) {
    StringBuilder all = new StringBuilder();
    for (String path :
        new String[] {
          "/subjects?deleted=true",
          "/subjects/usage-value/versions?deletedAsNegative=true",
          "/subjects/usage-value/versions/2",
          "/subjects/price-value/versions/latest",
          "/subjects/audit-value/versions/1",
          "/schemas/ids/1",
          "/schemas/ids/2",
          "/schemas/ids/3",
          "/config",
          "/config/usage-value",
          "/config/price-value"
        }) {
      Reply reply = http.get(path);
      all.append(path)
          .append(' ')
          .append(reply.status())
          .append(' ')
          .append(reply.body())
          .append('\n');
    }
    return all.toString();
  }

  @Test
  void shouldKeepIdsVersionsDeletesAndConfigAcrossRestarts() {
    String before;
    try (DevRegistry registry = start()) {
      RegistryHttp http = new RegistryHttp(registry.url());
      assertThat(http.register("usage-value", USAGE_V1).body()).isEqualTo("{\"id\":1}");
      assertThat(http.register("usage-value", USAGE_V2).body()).isEqualTo("{\"id\":2}");
      assertThat(http.register("price-value", PRICE).body()).isEqualTo("{\"id\":3}");
      assertThat(http.register("audit-value", PRICE).body()).isEqualTo("{\"id\":3}");
      http.put("/config", "{\"compatibility\":\"FULL\"}");
      http.put("/config/price-value", "{\"compatibility\":\"NONE\"}");
      assertThat(http.delete("/subjects/usage-value/versions/1").status()).isEqualTo(200);
      before = snapshot(http);
    }
    assertThat(before).contains("/subjects/usage-value/versions?deletedAsNegative=true 200 [-1,2]");

    try (DevRegistry registry = start()) {
      RegistryHttp http = new RegistryHttp(registry.url());
      assertThat(snapshot(http)).isEqualTo(before);
      // New registrations continue after the highest id seen, and known content keeps its id.
      String v3 =
          "{\"type\":\"record\",\"name\":\"Usage\",\"namespace\":\"test.tokenmeter\",\"fields\":["
              + "{\"name\":\"model\",\"type\":\"string\"},{\"name\":\"tokens\",\"type\":\"long\"},"
              + "{\"name\":\"region\",\"type\":\"string\",\"default\":\"eu\"},"
              + "{\"name\":\"team\",\"type\":\"string\",\"default\":\"\"}]}";
      assertThat(http.register("usage-value", v3).body()).isEqualTo("{\"id\":4}");
      assertThat(http.register("other-value", USAGE_V2).body()).isEqualTo("{\"id\":2}");
    }
  }

  @Test
  void shouldIgnoreATornLastLineAndAppendCleanlyAfterIt() throws IOException {
    try (DevRegistry registry = start()) {
      new RegistryHttp(registry.url()).register("usage-value", USAGE_V1);
    }
    Path journal = dataDir.resolve(FileJournal.FILE_NAME);
    String intact = Files.readString(journal);
    Files.writeString(
        journal,
        "{\"op\":\"register\",\"subject\":\"usa",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);

    try (DevRegistry registry = start()) {
      RegistryHttp http = new RegistryHttp(registry.url());
      assertThat(http.get("/subjects").body()).isEqualTo("[\"usage-value\"]");
      assertThat(http.register("price-value", PRICE).body()).isEqualTo("{\"id\":2}");
    }
    assertThat(Files.readString(journal)).startsWith(intact).doesNotContain("\"usa\n");
    try (DevRegistry registry = start()) {
      assertThat(new RegistryHttp(registry.url()).get("/subjects").body())
          .isEqualTo("[\"price-value\",\"usage-value\"]");
    }
  }

  @Test
  void shouldRefuseToStartOnACorruptMiddleLine() throws IOException {
    try (DevRegistry registry = start()) {
      RegistryHttp http = new RegistryHttp(registry.url());
      http.register("usage-value", USAGE_V1);
      http.register("price-value", PRICE);
    }
    Path journal = dataDir.resolve(FileJournal.FILE_NAME);
    String content = Files.readString(journal);
    Files.writeString(journal, "garbage\n" + content);
    assertThatThrownBy(this::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("corrupt at line 1")
        .hasMessageContaining(journal.toString());
  }

  @Test
  void shouldRefuseASecondRegistryOnTheSameDataDir() {
    try (DevRegistry first = start()) {
      assertThatThrownBy(this::start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("another --data-dir");
      assertThat(new RegistryHttp(first.url()).get("/").status()).isEqualTo(200);
    }
  }
}
