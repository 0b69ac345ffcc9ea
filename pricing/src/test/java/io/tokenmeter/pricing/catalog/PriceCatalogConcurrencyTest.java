package io.tokenmeter.pricing.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.pricing.model.PriceVersion;
import io.tokenmeter.pricing.model.UnitRates;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PriceCatalogConcurrencyTest {

  private static PriceVersion version(int day) {
    Instant from = Instant.EPOCH.plusSeconds(86_400L * day);
    return new PriceVersion(
        PriceVersion.versionIdOf("openai", "gpt-4o", null, null, from),
        "openai",
        "gpt-4o",
        List.of(),
        List.of(),
        null,
        null,
        from,
        "test",
        UnitRates.of(BigDecimal.valueOf(day, 6), BigDecimal.ONE),
        List.of(),
        false);
  }

  @Test
  void shouldAlwaysResolveToAPublishedVersionWhileWritersUpsert() throws Exception {
    PriceCatalog catalog = new PriceCatalog();
    catalog.upsertVersions(List.of(version(0)));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> writer =
          pool.submit(
              () -> {
                for (int day = 1; day <= 300; day++) {
                  catalog.upsertVersions(List.of(version(day)));
                }
              });
      Future<Integer> reader =
          pool.submit(
              () -> {
                int found = 0;
                while (!writer.isDone()) {
                  Resolution r = catalog.resolve("openai", "gpt-4o", null, "t", Instant.MAX);
                  found += r instanceof Resolution.Found ? 1 : 0;
                }
                return found;
              });
      writer.get(30, TimeUnit.SECONDS);
      assertThat(reader.get(30, TimeUnit.SECONDS)).isPositive();
    } finally {
      pool.shutdownNow();
    }
    Resolution last = catalog.resolve("openai", "gpt-4o", null, "t", Instant.MAX);
    assertThat(((Resolution.Found) last).version()).isEqualTo(version(300));
    assertThat(catalog.size()).isEqualTo(301);
  }
}
