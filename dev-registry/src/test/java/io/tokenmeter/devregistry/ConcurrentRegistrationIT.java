package io.tokenmeter.devregistry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parallel clients must still see one id per schema and gap-free versions, also after restart. */
class ConcurrentRegistrationIT {
  private static final int CLIENTS = 16;

  @TempDir Path dataDir;

  @Test
  void shouldGiveOneIdPerSchemaUnderConcurrentRegistration() throws Exception {
    List<String> ids = new ArrayList<>();
    try (DevRegistry registry =
            DevRegistry.start(DevRegistryConfig.builder().dataDir(dataDir).build());
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
      RegistryHttp http = new RegistryHttp(registry.url());
      List<Future<String>> shared = new ArrayList<>();
      List<Future<String>> distinct = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        int client = i;
        // Every client registers the same schema under its own subject...
        shared.add(pool.submit(() -> http.register("shared-" + client, TestSchemas.PRICE).body()));
        // ...and its own schema under one common subject (NONE: unrelated records).
        distinct.add(
            pool.submit(
                () -> {
                  http.put("/config/common", "{\"compatibility\":\"NONE\"}");
                  String schema =
                      "{\"type\":\"record\",\"name\":\"C"
                          + client
                          + "\",\"fields\":[{\"name\":\"f\",\"type\":\"int\"}]}";
                  return http.register("common", schema).body();
                }));
      }
      Set<String> sharedIds = new TreeSet<>();
      for (Future<String> f : shared) {
        sharedIds.add(f.get());
      }
      assertThat(sharedIds).hasSize(1);
      for (Future<String> f : distinct) {
        ids.add(f.get());
      }
      assertThat(new TreeSet<>(ids)).hasSize(CLIENTS);
      String versions = http.get("/subjects/common/versions").body();
      assertThat(versions).isEqualTo(expectedVersions());
    }
    try (DevRegistry restarted =
        DevRegistry.start(DevRegistryConfig.builder().dataDir(dataDir).build())) {
      RegistryHttp http = new RegistryHttp(restarted.url());
      assertThat(http.get("/subjects/common/versions").body()).isEqualTo(expectedVersions());
      for (String idBody : ids) {
        String id = idBody.replaceAll("\\D", "");
        assertThat(http.get("/schemas/ids/" + id).status()).isEqualTo(200);
      }
    }
  }

  private static String expectedVersions() {
    List<String> numbers = new ArrayList<>();
    for (int v = 1; v <= CLIENTS; v++) {
      numbers.add(Integer.toString(v));
    }
    return "[" + String.join(",", numbers) + "]";
  }
}
