package io.tokenmeter.sdk.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BudgetClientTest {
  private static final String TOKEN = "tenant-token-acme";

  private final FakeSpendApi api;

  BudgetClientTest() throws IOException {
    api = new FakeSpendApi();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  /** A body exactly as the processor's ApiJson.budget writes it. */
  static String budgetBody(String id, String tenant, String status, String mode, String spend) {
    return "{\"budget_id\":\""
        + id
        + "\",\"tenant_id\":\""
        + tenant
        + "\",\"scope_kind\":\"TENANT\",\"period\":\"MONTH\",\"time_zone\":\"Europe/Berlin\","
        + "\"period_start\":\"2026-10-31T23:00:00Z\",\"period_end\":\"2026-11-30T23:00:00Z\","
        + "\"spend_usd\":\""
        + spend
        + "\",\"limit_usd\":\"100.000000000000\",\"status\":\""
        + status
        + "\",\"mode\":\""
        + mode
        + "\",\"highest_threshold_crossed\":100,\"counted_since\":null,"
        + "\"updated_at\":\"2026-11-22T12:00:00.123Z\"}";
  }

  private BudgetClientBuilder client(UnavailablePolicy policy) {
    return BudgetClient.builder()
        .baseUrl(api.baseUrl())
        .token(TOKEN)
        // Generous: a first request on a loaded 2-core machine can take most of a second.
        .timeout(Duration.ofSeconds(5))
        .whenUnavailable(policy);
  }

  @Test
  void shouldDenyTheCallWhenAHardBudgetIsExceeded() {
    api.answer(
        "/v1/budgets/acme-monthly",
        200,
        budgetBody("acme-monthly", "acme", "EXCEEDED", "HARD", "100.000000000001"));

    BudgetCheck check =
        client(UnavailablePolicy.FAIL_OPEN).build().checkBudget("acme", "acme-monthly");

    assertThat(check.allowsCall()).isFalse();
    assertThat(check.status()).isEqualTo(BudgetStatus.EXCEEDED);
    assertThat(check.hard()).isTrue();
    assertThat(check.spendUsd()).isEqualByComparingTo(new BigDecimal("100.000000000001"));
    assertThat(check.spendUsd().toPlainString()).isEqualTo("100.000000000001");
    assertThat(check.limitUsd().toPlainString()).isEqualTo("100.000000000000");
    assertThat(check.remainingUsd().signum()).isZero();
    assertThat(check.period()).isEqualTo("MONTH");
    assertThat(check.timeZone()).isEqualTo("Europe/Berlin");
    assertThat(check.periodStart()).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
    assertThat(check.periodEnd()).isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
    assertThat(check.updatedAt()).isEqualTo(Instant.parse("2026-11-22T12:00:00.123Z"));
    assertThat(api.asked)
        .containsExactly(new FakeSpendApi.Asked("/v1/budgets/acme-monthly", "Bearer " + TOKEN));
  }

  @Test
  void shouldAllowTheCallWhenASoftBudgetIsExceededOrAHardOneOnlyWarns() {
    api.answer("/v1/budgets/soft", 200, budgetBody("soft", "acme", "EXCEEDED", "SOFT", "120.5"));
    api.answer("/v1/budgets/hard", 200, budgetBody("hard", "acme", "WARNING", "HARD", "80.25"));
    BudgetClient budgets = client(UnavailablePolicy.FAIL_CLOSED).build();

    BudgetCheck soft = budgets.checkBudget("acme", "soft");
    BudgetCheck warning = budgets.checkBudget("acme", "hard");

    assertThat(soft.allowsCall()).isTrue();
    assertThat(soft.hard()).isFalse();
    assertThat(warning.allowsCall()).isTrue();
    assertThat(warning.status()).isEqualTo(BudgetStatus.WARNING);
    assertThat(warning.remainingUsd()).isEqualByComparingTo("19.75");
  }

  @Test
  void shouldReportNoSpendYetForADefinedBudgetWithoutState() {
    api.answer(
        "/v1/budgets/new",
        404,
        "{\"error\":\"budget has no state yet: no matching usage since it was defined\","
            + "\"code\":\"no_state_yet\",\"budget_id\":\"new\",\"tenant_id\":\"acme\"}");

    BudgetCheck check = client(UnavailablePolicy.FAIL_CLOSED).build().checkBudget("acme", "new");

    assertThat(check.status()).isEqualTo(BudgetStatus.NO_SPEND_YET);
    assertThat(check.allowsCall()).isTrue();
    assertThat(check.spendUsd()).isNull();
    assertThat(check.detail()).contains("no state yet");
  }

  @Test
  void shouldRefuseANoSpendYetAnswerForAnotherTenantsBudget() {
    api.answer(
        "/v1/budgets/theirs",
        404,
        "{\"error\":\"budget has no state yet\",\"code\":\"no_state_yet\","
            + "\"budget_id\":\"theirs\",\"tenant_id\":\"globex\"}");
    BudgetClient budgets = client(UnavailablePolicy.FAIL_OPEN).build();

    assertThatThrownBy(() -> budgets.checkBudget("acme", "theirs"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("belongs to tenant 'globex'");
  }

  @Test
  void shouldThrowNamedExceptionsForUnauthorizedForbiddenAndUnknownBudgets() {
    api.answer("/v1/budgets/a", 401, "{\"error\":\"missing or unknown bearer token\"}");
    api.answer("/v1/budgets/b", 403, "{\"error\":\"this token may not read that tenant\"}");
    api.answer("/v1/budgets/c", 404, "{\"error\":\"no such budget\",\"budget_id\":\"c\"}");
    BudgetClient budgets = client(UnavailablePolicy.FAIL_OPEN).build();

    assertThatThrownBy(() -> budgets.checkBudget("acme", "a"))
        .isInstanceOfSatisfying(
            BudgetUnauthorizedException.class, e -> assertThat(e.httpStatus()).isEqualTo(401))
        .hasMessageContaining("missing or unknown bearer token");
    assertThatThrownBy(() -> budgets.checkBudget("acme", "b"))
        .isInstanceOf(BudgetForbiddenException.class)
        .hasMessageContaining("admin token");
    assertThatThrownBy(() -> budgets.checkBudget("acme", "c"))
        .isInstanceOf(BudgetNotFoundException.class)
        .hasMessageContaining("budget 'c'")
        .hasMessageContaining("no such budget");
  }

  @Test
  void shouldApplyThePolicyWhenTheApiAnswers503() {
    api.answer("/v1/budgets/x", 503, "{\"error\":\"state store not queryable yet; retry\"}");

    BudgetCheck open = client(UnavailablePolicy.FAIL_OPEN).build().checkBudget("acme", "x");
    BudgetCheck closed = client(UnavailablePolicy.FAIL_CLOSED).build().checkBudget("acme", "x");

    assertThat(open.status()).isEqualTo(BudgetStatus.UNAVAILABLE);
    assertThat(open.allowsCall()).isTrue();
    assertThat(open.detail()).contains("503").contains("not queryable yet");
    assertThat(closed.status()).isEqualTo(BudgetStatus.UNAVAILABLE);
    assertThat(closed.allowsCall()).isFalse();
    assertThatThrownBy(() -> client(UnavailablePolicy.THROW).build().checkBudget("acme", "x"))
        .isInstanceOfSatisfying(
            BudgetServiceUnavailableException.class,
            e -> assertThat(e.httpStatus()).isEqualTo(503));
  }

  @Test
  void shouldGiveUpAfterTheTimeout() {
    api.answerSlowly("/v1/budgets/slow", Duration.ofSeconds(3));
    BudgetClient budgets =
        client(UnavailablePolicy.FAIL_CLOSED).timeout(Duration.ofMillis(200)).build();

    long started = System.nanoTime();
    BudgetCheck check = budgets.checkBudget("acme", "slow");

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    assertThat(check.status()).isEqualTo(BudgetStatus.UNAVAILABLE);
    assertThat(check.allowsCall()).isFalse();
    assertThat(check.detail()).contains("did not answer within PT0.2S");
  }

  @Test
  void shouldTreatARefusedConnectionAsUnavailable() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    BudgetClient budgets =
        BudgetClient.builder()
            .baseUrl("http://127.0.0.1:" + closedPort)
            .token(TOKEN)
            .whenUnavailable(UnavailablePolicy.THROW)
            .build();

    assertThatThrownBy(() -> budgets.checkBudget("acme", "any"))
        .isInstanceOfSatisfying(
            BudgetServiceUnavailableException.class, e -> assertThat(e.httpStatus()).isZero())
        .hasMessageContaining("unreachable");
  }

  @Test
  void shouldTreatAnUnreadableAnswerAsUnavailable() {
    api.answer("/v1/budgets/html", 200, "<html>proxy login</html>");
    api.answer("/v1/budgets/odd", 200, budgetBody("odd", "acme", "PAUSED", "HARD", "1"));
    BudgetClient budgets = client(UnavailablePolicy.THROW).build();

    assertThatThrownBy(() -> budgets.checkBudget("acme", "html"))
        .isInstanceOf(BudgetServiceUnavailableException.class)
        .hasMessageContaining("not JSON");
    assertThatThrownBy(() -> budgets.checkBudget("acme", "odd"))
        .isInstanceOf(BudgetServiceUnavailableException.class)
        .hasMessageContaining("unknown budget status 'PAUSED'");
  }

  @Test
  void shouldRefuseABudgetOfAnotherTenant() {
    api.answer("/v1/budgets/shared", 200, budgetBody("shared", "globex", "OK", "HARD", "1"));

    assertThatThrownBy(
            () -> client(UnavailablePolicy.FAIL_OPEN).build().checkBudget("acme", "shared"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("belongs to tenant 'globex', not 'acme'");
  }

  @Test
  void shouldCheckTheTenantsOwnBudgetByItsConfiguredName() {
    api.answer(
        "/v1/budgets/team%2Fa%20b-monthly",
        200, budgetBody("team/a b-monthly", "team/a b", "OK", "HARD", "3.5"));
    BudgetClient named =
        client(UnavailablePolicy.THROW).tenantBudgetId(tenant -> tenant + "-monthly").build();

    assertThat(named.checkBudget("team/a b").status()).isEqualTo(BudgetStatus.OK);
    assertThatThrownBy(() -> client(UnavailablePolicy.THROW).build().checkBudget("acme"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("tenantBudgetId");
  }

  @Test
  void shouldReadTheTenantsSpendForTheMonth() {
    api.answer(
        "/v1/tenants/acme/spend?period=month",
        200,
        "{\"tenant_id\":\"acme\",\"period\":\"month\",\"period_start\":\"2026-11-01T00:00:00Z\","
            + "\"period_end\":\"2026-12-01T00:00:00Z\",\"currency\":\"USD\","
            + "\"total_usd\":\"42.000000000007\",\"event_count\":1234,\"input_tokens\":5000000,"
            + "\"output_tokens\":70000,\"by_model\":[],\"by_workflow\":[]}");

    TenantSpendSummary spend =
        client(UnavailablePolicy.THROW).build().tenantSpend("acme", SpendPeriod.MONTH);

    assertThat(spend)
        .isEqualTo(
            new TenantSpendSummary(
                "acme",
                SpendPeriod.MONTH,
                Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z"),
                new BigDecimal("42.000000000007"),
                1234,
                5_000_000,
                70_000));
  }

  @Test
  void shouldValidateTheBuilderWithFixHints() {
    assertThatThrownBy(() -> BudgetClient.builder().baseUrl("processor:8080"))
        .hasMessageContaining("http://host:8080");
    assertThatThrownBy(() -> BudgetClient.builder().token(" ")).hasMessageContaining("bearer");
    assertThatThrownBy(() -> BudgetClient.builder().timeout(Duration.ZERO))
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> BudgetClient.builder().baseUrl(api.baseUrl()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("token");
  }
}
