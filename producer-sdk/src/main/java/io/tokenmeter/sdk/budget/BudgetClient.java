package io.tokenmeter.sdk.budget;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the stream processor's live spend API where a budget stands, for a pre-call check:
 *
 * <pre>{@code
 * BudgetCheck check = budgets.checkBudget("acme", "acme-monthly");
 * if (!check.allowsCall()) { throw new QuotaExceeded(check.spendUsd(), check.limitUsd()); }
 * }</pre>
 *
 * <p>Each check is one HTTP GET bounded by the client's timeout; nothing is cached, so the answer
 * is as fresh as the processor's state (which lags the pipeline by its latency). Thread-safe; build
 * one per process.
 */
public final class BudgetClient {
  /** The processor's {@code code} for a defined budget that has seen no usage yet. */
  static final String NO_STATE_YET = "no_state_yet";

  private static final Logger LOGGER = LoggerFactory.getLogger(BudgetClient.class);

  private final SpendApiHttp http;
  private final UnavailablePolicy policy;
  private final Function<String, String> tenantBudgetId;
  private final AtomicBoolean lastCheckFailed = new AtomicBoolean();

  BudgetClient(
      SpendApiHttp http, UnavailablePolicy policy, Function<String, String> tenantBudgetId) {
    this.http = http;
    this.policy = policy;
    this.tenantBudgetId = tenantBudgetId;
  }

  public static BudgetClientBuilder builder() {
    return new BudgetClientBuilder();
  }

  /**
   * Checks the tenant's own budget, whose id the builder's {@code tenantBudgetId} names.
   *
   * @throws IllegalStateException if no {@code tenantBudgetId} was configured
   * @see #checkBudget(String, String)
   */
  public BudgetCheck checkBudget(String tenantId) {
    requireText(tenantId, "tenantId");
    if (tenantBudgetId == null) {
      throw new IllegalStateException(
          "checkBudget(tenant) needs the id of the tenant's budget: set"
              + " tenantBudgetId(tenant -> tenant + \"-monthly\") on the builder, or call"
              + " checkBudget(tenant, budgetId)");
    }
    return checkBudget(tenantId, tenantBudgetId.apply(tenantId));
  }

  /**
   * Reads budget {@code budgetId} ({@code GET /v1/budgets/{id}}) and checks it belongs to {@code
   * tenantId}.
   *
   * @throws BudgetUnauthorizedException 401: bad token
   * @throws BudgetForbiddenException 403: the token may not read this tenant
   * @throws BudgetNotFoundException 404: no such budget
   * @throws BudgetServiceUnavailableException only under {@link UnavailablePolicy#THROW}
   * @throws IllegalArgumentException if the budget belongs to another tenant
   */
  public BudgetCheck checkBudget(String tenantId, String budgetId) {
    requireText(tenantId, "tenantId");
    requireText(budgetId, "budgetId");
    BudgetCheck check;
    try {
      check = read(budgetId);
    } catch (BudgetServiceUnavailableException e) {
      if (lastCheckFailed.compareAndSet(false, true)) {
        LOGGER.warn("budget checks failing ({}): {}", policy, e.getMessage());
      }
      if (policy == UnavailablePolicy.THROW) {
        throw e;
      }
      return BudgetCheck.unavailable(
          budgetId, policy == UnavailablePolicy.FAIL_OPEN, e.getMessage());
    }
    if (lastCheckFailed.compareAndSet(true, false)) {
      LOGGER.info("budget checks answered again");
    }
    if (check.tenantId() != null && !check.tenantId().equals(tenantId)) {
      throw new IllegalArgumentException(
          "budget '"
              + budgetId
              + "' belongs to tenant '"
              + check.tenantId()
              + "', not '"
              + tenantId
              + "': check the budget id");
    }
    return check;
  }

  /**
   * The tenant's spend in the current UTC day or month ({@code GET /v1/tenants/{t}/spend}).
   *
   * @throws BudgetApiException (a subclass) when the API refuses or cannot answer; no policy
   *     applies here
   */
  public TenantSpendSummary tenantSpend(String tenantId, SpendPeriod period) {
    requireText(tenantId, "tenantId");
    Objects.requireNonNull(period, "period: pass SpendPeriod.DAY or SpendPeriod.MONTH");
    String path =
        "/v1/tenants/" + SpendApiHttp.segment(tenantId) + "/spend?period=" + period.queryValue();
    SpendApiHttp.Answer answer = http.get(path);
    if (answer.status() == 404) {
      throw notFound(answer, "route " + path);
    }
    return BudgetJson.spend(answer.body(), period);
  }

  private BudgetCheck read(String budgetId) {
    SpendApiHttp.Answer answer = http.get("/v1/budgets/" + SpendApiHttp.segment(budgetId));
    if (answer.status() == 200) {
      return BudgetJson.budget(answer.body());
    }
    // The processor answers 404 both for an unknown budget and for a known one with no state yet;
    // the latter carries code "no_state_yet" and the budget's tenant.
    if (NO_STATE_YET.equals(BudgetJson.errorField(answer.body(), "code"))) {
      return BudgetCheck.noSpendYet(
          budgetId,
          BudgetJson.errorField(answer.body(), "tenant_id"),
          BudgetJson.errorMessage(answer.body()));
    }
    throw notFound(answer, "budget '" + budgetId + "'");
  }

  private static BudgetNotFoundException notFound(SpendApiHttp.Answer answer, String what) {
    return new BudgetNotFoundException(
        what + " not found: " + BudgetJson.errorMessage(answer.body()), 404, null);
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is blank: pass the id as the pipeline knows it");
    }
  }
}
