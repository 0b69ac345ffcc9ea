package io.tokenmeter.processor.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenmeter.processor.ProcessorMetrics;
import io.tokenmeter.processor.aggregate.StoredTotals;
import io.tokenmeter.processor.testing.DriverFixture;
import io.tokenmeter.processor.testing.TestBudgets;
import io.tokenmeter.processor.testing.TestEvents;
import io.tokenmeter.processor.topology.StoreNames;
import io.tokenmeter.processor.topology.Topics;
import io.tokenmeter.schema.v1.BudgetAlert;
import io.tokenmeter.schema.v1.BudgetDefinition;
import io.tokenmeter.schema.v1.BudgetState;
import io.tokenmeter.schema.v1.PricedUsage;
import io.tokenmeter.schema.v1.UsageEvent;
import io.tokenmeter.serde.AvroSerde;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP API over the real topology's stores (TopologyTestDriver): priced usage in, spend, budget
 * state and alerts read back through HTTP and compared exactly.
 */
class SpendApiTopologyTest {
  private static final String ADMIN = "admin-token";
  private static final String ACME = "acme-token";
  private static final String GLOBEX = "globex-token";
  private static final ApiSettings SETTINGS =
      ApiSettings.from(
          Map.of(
              ApiSettings.PORT,
              "0",
              ApiSettings.ADMIN_TOKENS,
              ADMIN,
              ApiSettings.TENANT_TOKENS,
              "acme:" + ACME + ",globex:" + GLOBEX));
  private static final Instant MORNING = Instant.parse("2026-03-01T09:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path stateDir;
  private DriverFixture fixture;
  private ApiServer owner;
  private ApiServer other;
  private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
  private final HttpClient http = HttpClient.newHttpClient();
  private final RecentAlerts alerts = new RecentAlerts(10);

  @BeforeEach
  void start() {
    fixture = new DriverFixture(stateDir, Map.of());
    owner = ApiServer.start(SETTINGS, backend(null, null, DriverFixture.NOW));
    // "other" owns acme but not globex, and its clock is a day later: an answer about globex
    // that shows 2026-03-01 data can only have come from the owner.
    HostInfo otherSelf = new HostInfo("instance-b", 1);
    HostInfo ownerHost = new HostInfo("127.0.0.1", owner.port());
    OwnerLookup lookup =
        (store, tenant) ->
            new KeyQueryMetadata(tenant.equals("globex") ? ownerHost : otherSelf, Set.of(), 0);
    other =
        ApiServer.start(
            SETTINGS, backend(otherSelf, lookup, DriverFixture.NOW.plus(Duration.ofDays(1))));
  }

  private ApiBackend backend(HostInfo self, OwnerLookup lookup, Instant now) {
    TopologyTestDriver driver = fixture.driver();
    StoreAccess stores =
        new StoreAccess() {
          @Override
          public ReadOnlyKeyValueStore<String, StoredTotals> aggregates() {
            return driver.getKeyValueStore(StoreNames.AGGREGATE_WINDOWS);
          }

          @Override
          public ReadOnlyKeyValueStore<String, StoredTotals> monthSpend() {
            return driver.getKeyValueStore(StoreNames.MONTH_SPEND);
          }

          @Override
          public ReadOnlyKeyValueStore<String, BudgetState> budgetSpend() {
            return driver.getKeyValueStore(StoreNames.BUDGET_SPEND);
          }

          @Override
          public ReadOnlyKeyValueStore<String, BudgetDefinition> budgets() {
            return driver.getKeyValueStore(StoreNames.BUDGETS);
          }
        };
    return new ApiBackend(
        state::get,
        driver::metrics,
        stores,
        lookup,
        self,
        new SpendQuery(
            fixture.settings().aggregateGrace(),
            fixture.settings().correctionRetention(),
            Clock.fixed(now, ZoneOffset.UTC)),
        alerts,
        new Forwarder());
  }

  @AfterEach
  void stop() {
    owner.close();
    other.close();
    fixture.close();
  }

  private <T extends SpecificRecord> AvroSerde<T> serde(Class<T> type) {
    AvroSerde<T> serde = AvroSerde.specific(type);
    serde.configure(fixture.serdeConfig(), false);
    return serde;
  }

  /** acme: 3 events on 2 models and 2 workflows (one none), $0.0065; globex: 1 event. */
  private void produce() {
    TestInputTopic<String, BudgetDefinition> budgets =
        fixture
            .driver()
            .createInputTopic(
                Topics.BUDGETS, new StringSerializer(), serde(BudgetDefinition.class).serializer());
    budgets.pipeInput(
        "acme-daily", TestBudgets.daily("acme-daily", TestBudgets.tenant("acme"), "0.005").build());
    TestInputTopic<String, PricedUsage> priced = pricedTopic();
    priced.pipeInput("acme", event("a1", "acme", "wf-a", "gpt-4o", "0.001", "0.002"));
    priced.pipeInput("acme", event("a2", "acme", "wf-a", "gpt-4o-mini", "0.0001", "0.0004"));
    priced.pipeInput("acme", event("a3", "acme", null, "gpt-4o", "0.000000000001", "0.003"));
    priced.pipeInput("globex", event("g1", "globex", null, "gpt-4o", "0.01", "0.02"));
    fixture
        .driver()
        .createOutputTopic(
            Topics.BUDGET_ALERTS, new StringDeserializer(), serde(BudgetAlert.class).deserializer())
        .readValuesToList()
        .forEach(alerts::add);
  }

  private TestInputTopic<String, PricedUsage> pricedTopic() {
    return fixture
        .driver()
        .createInputTopic(
            Topics.PRICED_USAGE, new StringSerializer(), serde(PricedUsage.class).serializer());
  }

  private static PricedUsage event(
      String id, String tenant, String workflow, String model, String input, String output) {
    var usage =
        TestEvents.event(id, tenant, MORNING.plusSeconds(id.hashCode() & 0xff))
            .setWorkflowId(workflow)
            .build();
    return PricedUsage.newBuilder(TestEvents.priced(usage, input, output))
        .setMatchedModel(model)
        .build();
  }

  private HttpResponse<String> get(ApiServer server, String path, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static BigDecimal money(JsonNode node) {
    assertThat(node.isTextual()).as("money is a JSON string: %s", node).isTrue();
    return new BigDecimal(node.asText());
  }

  @Test
  void shouldServeTodaysSpendExactlyByModelAndWorkflow() throws Exception {
    produce();

    HttpResponse<String> response = get(owner, "/v1/tenants/acme/spend?period=day", ADMIN);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("period_start").asText()).isEqualTo("2026-03-01T00:00:00Z");
    assertThat(money(body.get("total_usd"))).isEqualTo(new BigDecimal("0.006500000001"));
    assertThat(body.get("event_count").asLong()).isEqualTo(3);
    JsonNode models = body.get("by_model");
    assertThat(models).hasSize(2);
    assertThat(models.get(0).get("model").asText()).isEqualTo("gpt-4o");
    assertThat(money(models.get(0).get("total_usd"))).isEqualTo(new BigDecimal("0.006000000001"));
    assertThat(models.get(1).get("model").asText()).isEqualTo("gpt-4o-mini");
    assertThat(money(models.get(1).get("total_usd"))).isEqualTo(new BigDecimal("0.000500000000"));
    JsonNode workflows = body.get("by_workflow");
    assertThat(workflows).hasSize(2);
    assertThat(workflows.get(0).get("workflow_id").isNull()).isTrue();
    assertThat(money(workflows.get(0).get("total_usd")))
        .isEqualTo(new BigDecimal("0.003000000001"));
    assertThat(workflows.get(1).get("workflow_id").asText()).isEqualTo("wf-a");
    assertThat(money(workflows.get(1).get("total_usd")))
        .isEqualTo(new BigDecimal("0.003500000000"));
  }

  @Test
  void shouldServeMonthTotalsForCurrentAndPreviousMonthOnly() throws Exception {
    produce();
    TestInputTopic<String, PricedUsage> priced = pricedTopic();
    priced.pipeInput("acme", at(event("f1", "acme", "wf-a", "gpt-4o", "0.1", "0.2"), "2026-02-27"));
    priced.pipeInput("acme", at(event("j1", "acme", "wf-a", "gpt-4o", "1", "2"), "2026-01-31"));

    JsonNode march = JSON.readTree(get(owner, "/v1/tenants/acme/spend?period=month", ACME).body());
    JsonNode february =
        JSON.readTree(
            get(owner, "/v1/tenants/acme/spend?period=month&date=2026-02-01", ACME).body());
    HttpResponse<String> january =
        get(owner, "/v1/tenants/acme/spend?period=month&date=2026-01-15", ACME);

    assertThat(march.get("period_start").asText()).isEqualTo("2026-03-01T00:00:00Z");
    assertThat(march.get("period_end").asText()).isEqualTo("2026-04-01T00:00:00Z");
    assertThat(money(march.get("total_usd"))).isEqualTo(new BigDecimal("0.006500000001"));
    assertThat(march.get("by_model")).hasSize(2);
    assertThat(money(march.get("by_workflow").get(1).get("total_usd")))
        .isEqualTo(new BigDecimal("0.003500000000"));
    assertThat(money(february.get("total_usd"))).isEqualTo(new BigDecimal("0.300000000000"));
    // Older than the previous month: not kept in the month store (it is in ClickHouse), counted in
    // a metric so the gap is visible, and answered with a 404 that says so rather than a zero.
    assertThat(january.statusCode()).isEqualTo(404);
    JsonNode notKept = JSON.readTree(january.body());
    assertThat(notKept.get("code").asText()).isEqualTo(V1Handler.NOT_RETAINED);
    assertThat(notKept.get("oldest_date").asText()).isEqualTo("2026-02-01");
    assertThat(notKept.get("error").asText()).contains("no longer keeps that month", "ClickHouse");
    assertThat(metricTotal(ProcessorMetrics.MONTH_EVENTS_NOT_COUNTED)).isEqualTo(1.0);

    // Stream time moves to May: March is no longer "previous", the cleanup drops it.
    priced.pipeInput("acme", at(event("m1", "acme", null, "gpt-4o", "0.5", "0.5"), "2026-05-02"));
    JsonNode marchLater =
        JSON.readTree(
            get(owner, "/v1/tenants/acme/spend?period=month&date=2026-03-01", ACME).body());
    assertThat(marchLater.get("event_count").asLong()).isZero();
  }

  private double metricTotal(String name) {
    return fixture.driver().metrics().entrySet().stream()
        .filter(e -> e.getKey().name().equals(name + "-total"))
        .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
        .sum();
  }

  private static PricedUsage at(PricedUsage priced, String day) {
    Instant time = Instant.parse(day + "T08:00:00Z");
    return PricedUsage.newBuilder(priced)
        .setEvent(UsageEvent.newBuilder(priced.getEvent()).setEventTime(time).build())
        .build();
  }

  @Test
  void shouldLetTenantTokenSeeOnlyItsTenant() throws Exception {
    produce();

    assertThat(get(owner, "/v1/tenants/acme/spend", ACME).statusCode()).isEqualTo(200);
    assertThat(get(owner, "/v1/tenants/globex/spend", ACME).statusCode()).isEqualTo(403);
    assertThat(get(owner, "/v1/budgets/acme-daily", GLOBEX).statusCode()).isEqualTo(403);
    assertThat(get(owner, "/v1/tenants/acme/alerts", GLOBEX).statusCode()).isEqualTo(403);
    assertThat(get(owner, "/v1/tenants/globex/spend", ADMIN).statusCode()).isEqualTo(200);
    assertThat(get(owner, "/v1/tenants/acme/spend", null).statusCode()).isEqualTo(401);
    assertThat(get(owner, "/v1/tenants/acme/spend", "guess").statusCode()).isEqualTo(401);
  }

  @Test
  void shouldServeBudgetStateAndRecentAlerts() throws Exception {
    produce();

    HttpResponse<String> budget = get(owner, "/v1/budgets/acme-daily", ACME);
    assertThat(budget.statusCode()).isEqualTo(200);
    JsonNode state = JSON.readTree(budget.body());
    assertThat(state.get("spend_usd").asText()).isEqualTo("0.006500000001");
    assertThat(state.get("limit_usd").asText()).isEqualTo("0.005000000000");
    assertThat(state.get("status").asText()).isEqualTo("EXCEEDED");
    assertThat(get(owner, "/v1/budgets/nope", ADMIN).statusCode()).isEqualTo(404);

    JsonNode alertList =
        JSON.readTree(get(owner, "/v1/tenants/acme/alerts", ACME).body()).get("alerts");
    assertThat(alertList)
        .extracting(a -> a.get("threshold_percent").asInt())
        .containsExactly(100, 80, 50);
  }

  @Test
  void shouldForwardToTheInstanceThatOwnsTheTenant() throws Exception {
    produce();

    JsonNode forwarded = JSON.readTree(get(other, "/v1/tenants/globex/spend", ADMIN).body());
    JsonNode local = JSON.readTree(get(other, "/v1/tenants/acme/spend", ADMIN).body());

    assertThat(forwarded.get("period_start").asText()).isEqualTo("2026-03-01T00:00:00Z");
    assertThat(money(forwarded.get("total_usd"))).isEqualTo(new BigDecimal("0.030000000000"));
    assertThat(local.get("period_start").asText()).isEqualTo("2026-03-02T00:00:00Z");
    assertThat(local.get("event_count").asLong()).isZero();
    // The owner checks the token again: a tenant token cannot read another tenant via forwarding.
    assertThat(get(other, "/v1/tenants/globex/spend", ACME).statusCode()).isEqualTo(403);
  }

  @Test
  void shouldReportLiveAndReadyFromStreamsState() throws Exception {
    state.set(State.REBALANCING);
    assertThat(get(owner, "/health/live", null).statusCode()).isEqualTo(200);
    HttpResponse<String> notReady = get(owner, "/health/ready", null);
    assertThat(notReady.statusCode()).isEqualTo(503);
    assertThat(notReady.body()).isEqualTo("{\"status\":\"DOWN\",\"state\":\"REBALANCING\"}");
    state.set(State.RUNNING);
    assertThat(get(owner, "/health/ready", null).statusCode()).isEqualTo(200);
    state.set(State.ERROR);
    assertThat(get(owner, "/health/live", null).statusCode()).isEqualTo(503);
  }

  @Test
  void shouldRejectUnsupportedPeriodAndBadDate() throws Exception {
    assertThat(get(owner, "/v1/tenants/acme/spend?period=year", ADMIN).statusCode()).isEqualTo(400);
    assertThat(get(owner, "/v1/tenants/acme/spend?date=yesterday", ADMIN).statusCode())
        .isEqualTo(400);
    HttpResponse<String> unknown = get(owner, "/v1/alerts", ADMIN);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(unknown.body()).get("routes").asText())
        .contains("GET /v1/tenants/{tenant}/alerts");
  }

  @Test
  void shouldSayADayIsNoLongerKeptRatherThanAnswerZero() throws Exception {
    // Clock 2026-03-01T12:00Z, grace 5 min, correction retention 1 day: the window of 02-27 left
    // the store at 03-01T00:05Z, the one of 02-28 stays until 03-02T00:05Z.
    HttpResponse<String> gone = get(owner, "/v1/tenants/acme/spend?date=2026-02-27", ACME);
    HttpResponse<String> kept = get(owner, "/v1/tenants/acme/spend?date=2026-02-28", ACME);

    assertThat(gone.statusCode()).isEqualTo(404);
    JsonNode body = JSON.readTree(gone.body());
    assertThat(body.get("code").asText()).isEqualTo(V1Handler.NOT_RETAINED);
    assertThat(body.get("oldest_date").asText()).isEqualTo("2026-02-28");
    assertThat(body.get("error").asText()).contains("no longer keeps that day");
    assertThat(kept.statusCode()).isEqualTo(200);
  }

  @Test
  void shouldAnswerAnOldDayTheStoreStillHolds() throws Exception {
    // A replay of old events: stream time is 02-20, so that day's window is still in the store,
    // though by the clock (03-01) it would have expired.
    pricedTopic()
        .pipeInput("acme", at(event("old", "acme", "wf-a", "gpt-4o", "0.1", "0.2"), "2026-02-20"));

    HttpResponse<String> old = get(owner, "/v1/tenants/acme/spend?date=2026-02-20", ACME);

    assertThat(old.statusCode()).isEqualTo(200);
    assertThat(money(JSON.readTree(old.body()).get("total_usd")))
        .isEqualTo(new BigDecimal("0.300000000000"));
  }

  @Test
  void shouldExportProcessorMetrics() throws Exception {
    produce();

    HttpResponse<String> metrics = get(owner, "/metrics", null);

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("# TYPE tokenmeter_budget_alerts_total counter\n");
    assertThat(metrics.body()).containsPattern("tokenmeter_budget_alerts_total\\{[^}]*\\} 3.0\n");
  }
}
