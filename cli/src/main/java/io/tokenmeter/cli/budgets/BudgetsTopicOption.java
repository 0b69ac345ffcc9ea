package io.tokenmeter.cli.budgets;

import io.tokenmeter.cli.common.CliTopics;
import picocli.CommandLine.Option;

/** {@code --topic} of the budgets commands (a picocli mixin). */
public final class BudgetsTopicOption {

  @Option(
      names = "--topic",
      paramLabel = "TOPIC",
      defaultValue = CliTopics.BUDGETS,
      description = "Compacted budgets topic (default ${DEFAULT-VALUE}).")
  private String topic;

  public String topic() {
    return topic;
  }
}
