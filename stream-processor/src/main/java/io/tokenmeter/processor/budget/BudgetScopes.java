package io.tokenmeter.processor.budget;

import io.tokenmeter.schema.v1.BudgetScope;
import io.tokenmeter.schema.v1.UsageEvent;
import java.util.Objects;

/** Whether an event counts against a budget's scope (see {@code BudgetScope}'s schema doc). */
public final class BudgetScopes {
  private BudgetScopes() {}

  public static boolean matches(BudgetScope scope, UsageEvent event) {
    if (!scope.getTenantId().equals(event.getTenantId())) {
      return false;
    }
    return switch (scope.getKind()) {
      case TENANT -> true;
      case TENANT_WORKFLOW -> Objects.equals(scope.getWorkflowId(), event.getWorkflowId());
      case TENANT_USER -> Objects.equals(scope.getUserId(), event.getUserId());
      case TENANT_TAG ->
          scope.getTagKey() != null
              && Objects.equals(scope.getTagValue(), event.getTags().get(scope.getTagKey()));
      case UNKNOWN -> false;
    };
  }
}
