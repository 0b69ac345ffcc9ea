package io.tokenmeter.cli.budgets;

import io.tokenmeter.cli.common.CliContext;
import io.tokenmeter.cli.common.KafkaOptions;
import io.tokenmeter.schema.v1.BudgetDefinition;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.avro.specific.SpecificRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code budgets set}: creates or replaces budgets, from flags or a YAML/JSON file. */
@Command(
    name = "set",
    mixinStandardHelpOptions = true,
    description = "Create or replace a budget (flags), or every budget of a YAML/JSON --file.")
public final class BudgetsSetCommand implements Callable<Integer> {

  private final CliContext context;

  @Spec private CommandSpec spec;
  @Mixin private KafkaOptions kafka;
  @Mixin private BudgetsTopicOption topic;

  @Option(names = "--file", paramLabel = "FILE", description = "budgets.yaml/.yml or .json.")
  private Path file;

  @Option(names = "--id", paramLabel = "ID", description = "Budget id (the topic key).")
  private String id;

  @Option(names = "--tenant", paramLabel = "T", description = "Tenant whose usage counts.")
  private String tenant;

  @Option(names = "--workflow", paramLabel = "W", description = "Only this workflow's usage.")
  private String workflow;

  @Option(names = "--user", paramLabel = "U", description = "Only this user's usage.")
  private String user;

  @Option(names = "--tag", paramLabel = "KEY=VALUE", description = "Only usage with this tag.")
  private String tag;

  @Option(names = "--period", paramLabel = "day|week|month", description = "Default month.")
  private String period;

  @Option(names = "--time-zone", paramLabel = "ZONE", description = "IANA id, default UTC.")
  private String timeZone;

  @Option(names = "--limit-usd", paramLabel = "USD", description = "Limit per period, e.g. 250.")
  private String limitUsd;

  @Option(
      names = "--thresholds",
      paramLabel = "PERCENTS",
      description = "Alert percentages, ascending; default 50,80,100.")
  private String thresholds;

  @Option(names = "--mode", paramLabel = "soft|hard", description = "Default soft.")
  private String mode;

  @Option(names = "--description", paramLabel = "TEXT", description = "A note for people.")
  private String description;

  @Option(
      names = "--forecast-alerts",
      negatable = true,
      defaultValue = "true",
      description = "Alert when the period-end forecast exceeds the limit (default on).")
  private boolean forecastAlerts;

  @Option(names = "--dry-run", description = "Validate and print, publish nothing.")
  private boolean dryRun;

  public BudgetsSetCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Instant now = context.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    List<BudgetDefinition> budgets = new ArrayList<>();
    try {
      for (BudgetDraft draft : drafts()) {
        budgets.add(BudgetValidator.toDefinition(draft, now));
      }
    } catch (BudgetInputException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    budgets.forEach(b -> out.println((dryRun ? "valid " : "set ") + BudgetText.summary(b)));
    if (dryRun) {
      out.println("dry run: nothing published");
      return 0;
    }
    List<Map.Entry<String, SpecificRecord>> records =
        budgets.stream().map(b -> Map.<String, SpecificRecord>entry(b.getBudgetId(), b)).toList();
    int written = context.topics(kafka.settings()).publish(topic.topic(), records);
    out.printf(Locale.ROOT, "published %d budget(s) to %s%n", written, topic.topic());
    return 0;
  }

  private List<BudgetDraft> drafts() {
    Map<BudgetField, String> flags = new EnumMap<>(BudgetField.class);
    flags.put(BudgetField.ID, id);
    flags.put(BudgetField.TENANT, tenant);
    flags.put(BudgetField.WORKFLOW, workflow);
    flags.put(BudgetField.USER, user);
    flags.put(BudgetField.TAG, tag);
    flags.put(BudgetField.PERIOD, period);
    flags.put(BudgetField.TIME_ZONE, timeZone);
    flags.put(BudgetField.LIMIT_USD, limitUsd);
    flags.put(BudgetField.THRESHOLDS, thresholds);
    flags.put(BudgetField.MODE, mode);
    flags.put(BudgetField.DESCRIPTION, description);
    if (file == null) {
      flags.put(BudgetField.FORECAST_ALERTS, String.valueOf(forecastAlerts));
      return List.of(new BudgetDraft(null, flags));
    }
    List<String> given =
        flags.entrySet().stream()
            .filter(e -> e.getValue() != null)
            .map(e -> e.getKey().flag())
            .toList();
    if (!given.isEmpty() || !forecastAlerts) {
      throw new BudgetInputException(
          "--file defines whole budgets; drop "
              + (given.isEmpty() ? "--no-forecast-alerts" : String.join(", ", given))
              + " or put the values in the file");
    }
    return BudgetFileReader.read(file);
  }
}
