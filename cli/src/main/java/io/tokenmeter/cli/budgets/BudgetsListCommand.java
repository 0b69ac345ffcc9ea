package io.tokenmeter.cli.budgets;

import io.tokenmeter.cli.common.CliContext;
import io.tokenmeter.cli.common.KafkaOptions;
import io.tokenmeter.cli.common.TextTable;
import io.tokenmeter.schema.v1.BudgetDefinition;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code budgets list}: the budgets the topic defines now. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "Read the budgets topic to its end and print every budget.")
public final class BudgetsListCommand implements Callable<Integer> {

  private final CliContext context;

  @Spec private CommandSpec spec;
  @Mixin private KafkaOptions kafka;
  @Mixin private BudgetsTopicOption topic;

  @Option(names = "--tenant", paramLabel = "T", description = "Only this tenant's budgets.")
  private String tenant;

  public BudgetsListCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    // deleted = true means the same as a tombstone (BudgetDefinition.avsc).
    List<BudgetDefinition> budgets =
        context
            .topics(kafka.settings())
            .readLatest(topic.topic(), BudgetDefinition.class)
            .values()
            .stream()
            .filter(b -> !b.getDeleted())
            .filter(b -> tenant == null || tenant.equals(b.getScope().getTenantId()))
            .sorted(Comparator.comparing(BudgetDefinition::getBudgetId))
            .toList();
    TextTable table =
        new TextTable(
            "ID", "TENANT", "SCOPE", "PERIOD", "TIME_ZONE", "LIMIT_USD", "THRESHOLDS", "MODE");
    for (BudgetDefinition b : budgets) {
      table.row(
          b.getBudgetId(),
          b.getScope().getTenantId(),
          BudgetText.scope(b.getScope()),
          BudgetText.lower(b.getPeriod()),
          b.getTimeZone(),
          BudgetText.usd(b.getLimitUsd()),
          BudgetText.thresholds(b),
          BudgetText.lower(b.getMode()));
    }
    PrintWriter out = spec.commandLine().getOut();
    table.print(out);
    out.printf(Locale.ROOT, "%d budgets on %s%n", budgets.size(), topic.topic());
    return 0;
  }
}
