package io.tokenmeter.cli.prices;

import io.tokenmeter.cli.common.CliTopics;
import picocli.CommandLine.Option;

/** {@code --topic} of the prices commands (a picocli mixin). */
public final class PricesTopicOption {

  @Option(
      names = "--topic",
      paramLabel = "TOPIC",
      defaultValue = CliTopics.PRICES,
      description = "Compacted prices topic (default ${DEFAULT-VALUE}).")
  private String topic;

  public String topic() {
    return topic;
  }
}
