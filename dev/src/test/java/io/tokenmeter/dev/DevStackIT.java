package io.tokenmeter.dev;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.dev.demo.DemoBudgets;
import io.tokenmeter.dev.demo.DemoTraffic;
import io.tokenmeter.pricing.DefaultCatalog;
import io.tokenmeter.pricing.catalog.PriceCatalog;
import io.tokenmeter.pricing.catalog.PricingOutcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs dev's start path on a temp data dir and free ports with a short demo, compares ClickHouse's
 * cost sum with the demo events priced here, then restarts on the same data with more demo events:
 * nothing lost, nothing doubled, reference data not published twice, no alert repeated.
 */
class DevStackIT {

  private static final int DEMO_EVENTS = 120;
  private static final int MORE_EVENTS = 31;
  private static final Duration PIPELINE_TIMEOUT = Duration.ofMinutes(3);

  /** Without FINAL: a row written twice must show, not be merged away before it is counted. */
  private static final String TOTALS =
      "SELECT count() AS n, uniqExact(event_id) AS ids, sum(total_cost) AS cost"
          + " FROM tokenmeter_priced_usage WHERE startsWith(event_id, 'demo-')";

  record Totals(long rows, long distinctIds, BigDecimal cost) {}

  @Test
  void shouldPriceTheDemoIntoClickHouseExactlyAndContinueAfterRestart(@TempDir Path dir)
      throws Exception {
    BigDecimal expectedCost = expectedDemoCost(DEMO_EVENTS);
    Clock clock = Clock.systemUTC();
    DevOptions withDemo =
        new DevOptions(dir, true, DEMO_EVENTS, 200, 0, 0, 0, 0, Duration.ofSeconds(2));
    ByteArrayOutputStream progress = new ByteArrayOutputStream();

    Totals first;
    int pricesPublished;
    try (DevStack stack =
        DevStack.start(withDemo, clock, new PrintStream(progress, true, StandardCharsets.UTF_8))) {
      pricesPublished = stack.referenceData().pricesPublished();
      assertThat(pricesPublished).isEqualTo(DefaultCatalog.load().prices().size());
      assertThat(stack.referenceData().budgetsPublished()).isEqualTo(3);
      String jdbc = stack.endpoints().clickHouseJdbcUrl();
      first =
          Poll.until(
              "all demo events priced in ClickHouse",
              PIPELINE_TIMEOUT,
              () -> totals(jdbc),
              t -> t.rows() >= DEMO_EVENTS);
      String acmeAlerts =
          Poll.until(
              "the overspending tenant's 100% alert",
              PIPELINE_TIMEOUT, () -> thresholds(jdbc), t -> t.contains("100"));
      assertThat(acmeAlerts).isEqualTo("50,80,100");
      assertThat(stack.demo().acknowledged()).isEqualTo(DEMO_EVENTS);
      assertThat(spendApi(stack.endpoints())).contains("acme");
      EndpointsFile.write(dir, stack.endpoints());
    }
    assertThat(first.rows()).isEqualTo(DEMO_EVENTS);
    assertThat(first.distinctIds()).isEqualTo(DEMO_EVENTS);
    assertThat(first.cost()).isEqualByComparingTo(expectedCost);
    assertThat(progress.toString(StandardCharsets.UTF_8))
        .contains("[1/7] ClickHouse ready at")
        .contains("[7/7] Demo traffic at 200 events/s");
    assertThat(dir.resolve("endpoints.json")).exists();

    DevOptions again =
        new DevOptions(dir, true, MORE_EVENTS, 200, 0, 0, 0, 0, Duration.ofSeconds(2));
    try (DevStack stack =
        DevStack.start(again, clock, new PrintStream(new ByteArrayOutputStream(), true))) {
      assertThat(stack.referenceData().pricesPublished()).isZero();
      assertThat(stack.referenceData().pricesPresent()).isEqualTo(pricesPublished);
      assertThat(stack.referenceData().budgetsPublished()).isZero();
      String jdbc = stack.endpoints().clickHouseJdbcUrl();
      Totals second =
          Poll.until(
              "the second run's demo events priced",
              PIPELINE_TIMEOUT,
              () -> totals(jdbc),
              t -> t.rows() >= DEMO_EVENTS + MORE_EVENTS);
      // Let the restarted processor and sink run a few more commit intervals: nothing may double.
      Thread.sleep(3_000);
      assertThat(totals(jdbc)).isEqualTo(second);
      assertThat(second.rows()).isEqualTo(DEMO_EVENTS + MORE_EVENTS);
      assertThat(second.distinctIds()).isEqualTo(DEMO_EVENTS + MORE_EVENTS);
      assertThat(second.cost())
          .isEqualByComparingTo(expectedCost.add(expectedDemoCost(MORE_EVENTS)));
      assertThat(thresholds(jdbc)).isEqualTo("50,80,100");
    }
    assertThat(Files.list(dir.resolve("streams"))).isNotEmpty();
  }

  /** The printed spend API URL and token answer the printed example request. */
  private static String spendApi(Endpoints endpoints) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(endpoints.spendApiUrl() + "tenants/acme/spend"))
            .header("Authorization", "Bearer " + endpoints.spendApiToken())
            .build();
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      return response.body();
    }
  }

  private static BigDecimal expectedDemoCost(int events) {
    PriceCatalog catalog = DefaultCatalog.catalog();
    DemoTraffic traffic = new DemoTraffic(Clock.system(ZoneOffset.UTC), "expected");
    BigDecimal total = BigDecimal.ZERO;
    for (int i = 0; i < events; i++) {
      PricingOutcome.Priced priced = (PricingOutcome.Priced) catalog.price(traffic.next());
      total = total.add(priced.cost().totalCost());
    }
    return total;
  }

  private static Totals totals(String jdbc) throws Exception {
    try (Connection connection = DriverManager.getConnection(jdbc);
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(TOTALS)) {
      result.next();
      return new Totals(
          result.getLong("n"),
          result.getLong("ids"),
          result.getBigDecimal("cost").stripTrailingZeros());
    }
  }

  /** The thresholds alerted for the overspending tenant's budget, ascending, comma-separated. */
  private static String thresholds(String jdbc) throws Exception {
    String sql =
        "SELECT arrayStringConcat(arrayMap(x -> toString(x),"
            + " arraySort(groupArray(assumeNotNull(threshold_percent)))), ',') AS t"
            + " FROM tokenmeter_budget_alerts FINAL WHERE tenant_id = '"
            + DemoBudgets.OVERSPENDING_TENANT
            + "' AND threshold_percent IS NOT NULL"
            // The first day only: a run across UTC midnight starts the daily budget again.
            + " AND period_start = (SELECT min(period_start) FROM tokenmeter_budget_alerts"
            + " WHERE tenant_id = '"
            + DemoBudgets.OVERSPENDING_TENANT
            + "')";
    try (Connection connection = DriverManager.getConnection(jdbc);
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getString("t");
    }
  }
}
