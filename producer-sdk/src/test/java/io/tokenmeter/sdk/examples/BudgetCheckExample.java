package io.tokenmeter.sdk.examples;

import io.tokenmeter.sdk.budget.BudgetCheck;
import io.tokenmeter.sdk.budget.BudgetClient;
import io.tokenmeter.sdk.budget.UnavailablePolicy;
import java.time.Duration;

/**
 * README example: a pre-call budget check. The lines between the README markers are shown in
 * producer-sdk/README.md, with this file's imports; ReadmeExamplesTest keeps the two identical and
 * runs this code.
 */
public final class BudgetCheckExample {
  private BudgetCheckExample() {}

  public static boolean mayCall(String processorUrl, String apiToken) {
    // README:begin
    BudgetClient budgets =
        BudgetClient.builder()
            .baseUrl(processorUrl) // the stream processor's API, e.g. http://processor:8080
            .token(apiToken) // a tenant token (sees its tenant) or an admin token
            .timeout(Duration.ofMillis(800))
            .whenUnavailable(UnavailablePolicy.FAIL_OPEN) // or FAIL_CLOSED, or THROW
            .build();
    BudgetCheck check = budgets.checkBudget("acme", "acme-monthly");
    if (!check.allowsCall()) {
      // A hard budget is EXCEEDED (or the API is down under FAIL_CLOSED): skip the LLM call.
      return false;
    }
    // README:end
    return true;
  }
}
