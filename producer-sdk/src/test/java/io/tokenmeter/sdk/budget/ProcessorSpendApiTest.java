package io.tokenmeter.sdk.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmeter.processor.aggregate.StoredTotals;
import io.tokenmeter.processor.api.ApiBackend;
import io.tokenmeter.processor.api.ApiServer;
import io.tokenmeter.processor.api.ApiSettings;
import io.tokenmeter.processor.api.Forwarder;
import io.tokenmeter.processor.api.RecentAlerts;
import io.tokenmeter.processor.api.SpendQuery;
import io.tokenmeter.processor.api.StoreAccess;
import io.tokenmeter.schema.v1.BudgetDefinition;
import io.tokenmeter.schema.v1.BudgetMode;
import io.tokenmeter.schema.v1.BudgetPeriod;
import io.tokenmeter.schema.v1.BudgetScope;
import io.tokenmeter.schema.v1.BudgetScopeKind;
import io.tokenmeter.schema.v1.BudgetState;
import io.tokenmeter.sdk.examples.BudgetCheckExample;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SDK against the stream processor's real API handler (routing, bearer tokens, JSON) served by
 * its real {@link ApiServer}; only the state stores are in-memory maps instead of Kafka Streams.
 */
class ProcessorSpendApiTest {
  private static final String ADMIN = "admin-secret";
  private static final String ACME = "acme-secret";
  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  private static final Instant END = Instant.parse("2026-12-01T00:00:00Z");

  private final MapStore<BudgetDefinition> definitions = new MapStore<>();
  private final MapStore<BudgetState> states = new MapStore<>();
  private final MapStore<StoredTotals> aggregates = new MapStore<>();
  private final ApiServer server =
      ApiServer.start(
          ApiSettings.from(
              Map.of(
                  ApiSettings.PORT,
                  "0",
                  ApiSettings.ADMIN_TOKENS,
                  ADMIN,
                  ApiSettings.TENANT_TOKENS,
                  "acme:" + ACME)),
          new ApiBackend(
              () -> KafkaStreams.State.RUNNING,
              Map::of,
              stores(),
              null,
              null,
              new SpendQuery(
                  Duration.ofMinutes(5), Duration.ofDays(1), Clock.fixed(NOW, ZoneOffset.UTC)),
              new RecentAlerts(10),
              new Forwarder()));

  @AfterEach
  void stop() {
    server.close();
  }

  private StoreAccess stores() {
    return new StoreAccess() {
      @Override
      public ReadOnlyKeyValueStore<String, StoredTotals> aggregates() {
        return aggregates;
      }

      @Override
      public ReadOnlyKeyValueStore<String, StoredTotals> monthSpend() {
        return aggregates;
      }

      @Override
      public ReadOnlyKeyValueStore<String, BudgetState> budgetSpend() {
        return states;
      }

      @Override
      public ReadOnlyKeyValueStore<String, BudgetDefinition> budgets() {
        return definitions;
      }
    };
  }

  private BudgetClient client(String token) {
    return BudgetClient.builder()
        .baseUrl("http://127.0.0.1:" + server.port())
        .token(token)
        .timeout(Duration.ofSeconds(5))
        .whenUnavailable(UnavailablePolicy.THROW)
        .build();
  }

  private static BudgetScope tenantScope(String tenant) {
    return BudgetScope.newBuilder().setKind(BudgetScopeKind.TENANT).setTenantId(tenant).build();
  }

  private void define(String id, String tenant, BudgetMode mode) {
    definitions.entries.put(
        id,
        BudgetDefinition.newBuilder()
            .setBudgetId(id)
            .setScope(tenantScope(tenant))
            .setPeriod(BudgetPeriod.MONTH)
            .setTimeZone("UTC")
            .setLimitUsd(new BigDecimal("50").setScale(12))
            .setMode(mode)
            .setUpdatedAt(NOW)
            .build());
  }

  private void stateOf(String id, String tenant, String spend, BudgetMode mode, String status) {
    states.entries.put(
        id,
        BudgetState.newBuilder()
            .setBudgetId(id)
            .setScope(tenantScope(tenant))
            .setPeriod(BudgetPeriod.MONTH)
            .setTimeZone("UTC")
            .setPeriodStart(START)
            .setPeriodEnd(END)
            .setSpendUsd(new BigDecimal(spend).setScale(12))
            .setLimitUsd(new BigDecimal("50").setScale(12))
            .setStatus(io.tokenmeter.schema.v1.BudgetStatus.valueOf(status))
            .setMode(mode)
            .setHighestThresholdCrossed(100)
            .setUpdatedAt(NOW)
            .build());
  }

  @Test
  void shouldReadAnExceededHardBudgetExactlyAsTheProcessorServesIt() {
    define("acme-monthly", "acme", BudgetMode.HARD);
    stateOf("acme-monthly", "acme", "50.000000000123", BudgetMode.HARD, "EXCEEDED");

    BudgetCheck check = client(ACME).checkBudget("acme", "acme-monthly");

    assertThat(check)
        .isEqualTo(
            new BudgetCheck(
                "acme-monthly",
                "acme",
                BudgetStatus.EXCEEDED,
                true,
                "MONTH",
                "UTC",
                START,
                END,
                new BigDecimal("50.000000000123"),
                new BigDecimal("50.000000000000"),
                NOW,
                false,
                null));
  }

  @Test
  void shouldLetTheReadmeExampleDecideFromTheLiveState() {
    String url = "http://127.0.0.1:" + server.port();
    define("acme-monthly", "acme", BudgetMode.HARD);
    stateOf("acme-monthly", "acme", "49.99", BudgetMode.HARD, "WARNING");
    assertThat(BudgetCheckExample.mayCall(url, ACME)).isTrue();

    stateOf("acme-monthly", "acme", "50.01", BudgetMode.HARD, "EXCEEDED");
    assertThat(BudgetCheckExample.mayCall(url, ACME)).isFalse();
  }

  @Test
  void shouldTellNoSpendYetFromAnUnknownBudget() {
    define("fresh", "acme", BudgetMode.SOFT);

    assertThat(client(ACME).checkBudget("acme", "fresh").status())
        .isEqualTo(BudgetStatus.NO_SPEND_YET);
    assertThatThrownBy(() -> client(ACME).checkBudget("acme", "never-defined"))
        .isInstanceOf(BudgetNotFoundException.class);
  }

  @Test
  void shouldSurfaceTheProcessorsTokenChecks() {
    define("globex-monthly", "globex", BudgetMode.HARD);
    stateOf("globex-monthly", "globex", "1", BudgetMode.HARD, "OK");

    assertThatThrownBy(() -> client("wrong").checkBudget("acme", "acme-monthly"))
        .isInstanceOf(BudgetUnauthorizedException.class);
    assertThatThrownBy(() -> client(ACME).checkBudget("globex", "globex-monthly"))
        .isInstanceOf(BudgetForbiddenException.class);
    assertThat(client(ADMIN).checkBudget("globex", "globex-monthly").allowsCall()).isTrue();
  }

  @Test
  void shouldReadATenantsSpendWithItsPeriodBounds() {
    TenantSpendSummary spend = client(ACME).tenantSpend("acme", SpendPeriod.DAY);

    assertThat(spend.tenantId()).isEqualTo("acme");
    assertThat(spend.periodStart()).isEqualTo(Instant.parse("2026-11-22T00:00:00Z"));
    assertThat(spend.periodEnd()).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
    assertThat(spend.totalUsd()).isEqualTo(new BigDecimal("0.000000000000"));
    assertThat(spend.eventCount()).isZero();
  }
}
