package io.tokenmeter.cli.budgets;

import io.tokenmeter.cli.common.CliContext;
import io.tokenmeter.cli.common.KafkaOptions;
import io.tokenmeter.cli.common.TopicAccess;
import io.tokenmeter.schema.v1.BudgetDefinition;
import java.io.PrintWriter;
import java.util.AbstractMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code budgets delete ID}: a tombstone for the budget's key. */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = "Delete budgets: publishes a tombstone (null value) for each id.")
public final class BudgetsDeleteCommand implements Callable<Integer> {

  private final CliContext context;

  @Spec private CommandSpec spec;
  @Mixin private KafkaOptions kafka;
  @Mixin private BudgetsTopicOption topic;

  @Parameters(arity = "1..*", paramLabel = "ID", description = "Budget ids to delete.")
  private List<String> ids;

  public BudgetsDeleteCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    TopicAccess topics = context.topics(kafka.settings());
    // Deleting is idempotent, but an id that is not there is most likely a typo: say so.
    Set<String> defined =
        topics.readLatest(topic.topic(), BudgetDefinition.class).entrySet().stream()
            .filter(e -> !e.getValue().getDeleted())
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
    PrintWriter err = spec.commandLine().getErr();
    ids.stream()
        .filter(id -> !defined.contains(id))
        .forEach(
            id ->
                err.println(
                    "tokenmeter: note: no budget '"
                        + id
                        + "' on "
                        + topic.topic()
                        + " (its tombstone is written anyway, in case it was just defined);"
                        + " check the id with 'tokenmeter budgets list'"));
    // Map.entry rejects a null value, and a tombstone is one.
    List<Map.Entry<String, SpecificRecord>> tombstones =
        ids.stream().map(BudgetsDeleteCommand::tombstone).toList();
    int written = topics.publish(topic.topic(), tombstones);
    spec.commandLine()
        .getOut()
        .printf(
            Locale.ROOT,
            "wrote %d tombstone(s) on %s: %s%n",
            written,
            topic.topic(),
            String.join(", ", ids));
    return 0;
  }

  private static Map.Entry<String, SpecificRecord> tombstone(String id) {
    return new AbstractMap.SimpleEntry<>(id, null);
  }
}
