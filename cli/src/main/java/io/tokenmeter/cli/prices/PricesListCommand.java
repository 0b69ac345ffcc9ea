package io.tokenmeter.cli.prices;

import io.tokenmeter.cli.common.CliContext;
import io.tokenmeter.cli.common.KafkaOptions;
import io.tokenmeter.cli.common.TextTable;
import io.tokenmeter.pricing.match.ProviderIds;
import io.tokenmeter.pricing.model.PriceVersion;
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

/** {@code prices list}: every price version on the topic, as a table. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "Read the prices topic to its end and print every price version.")
public final class PricesListCommand implements Callable<Integer> {

  static final Comparator<PriceVersion> ORDER =
      Comparator.comparing(PriceVersion::provider)
          .thenComparing(PriceVersion::model)
          .thenComparing(PriceVersion::serviceTier)
          .thenComparing(v -> v.tenantId() == null ? "" : v.tenantId())
          .thenComparing(PriceVersion::effectiveFrom);

  private final CliContext context;

  @Spec private CommandSpec spec;
  @Mixin private KafkaOptions kafka;
  @Mixin private PricesTopicOption topic;

  @Option(names = "--provider", paramLabel = "P", description = "Only this provider's prices.")
  private String provider;

  public PricesListCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    // The catalog drops versions marked deleted and checks each one, like the processor does.
    List<PriceVersion> versions =
        TopicCatalog.read(context.topics(kafka.settings()), topic.topic()).versions().stream()
            .filter(
                v ->
                    provider == null
                        || ProviderIds.canonical(v.provider())
                            .equals(ProviderIds.canonical(provider)))
            .sorted(ORDER)
            .toList();
    PrintWriter out = spec.commandLine().getOut();
    TextTable table =
        new TextTable(
            "PROVIDER", "MODEL", "TIER", "TENANT", "EFFECTIVE_FROM", "INPUT/M", "OUTPUT/M");
    for (PriceVersion v : versions) {
      table.row(
          v.provider(),
          v.model(),
          v.serviceTier(),
          v.tenant().orElse("global"),
          v.effectiveFrom().toString(),
          UsdPerMillion.format(v.rates().uncachedInput()),
          UsdPerMillion.format(v.rates().output()));
    }
    table.print(out);
    out.printf(
        Locale.ROOT,
        "%d price versions on %s (USD per million tokens)%n",
        versions.size(),
        topic.topic());
    return 0;
  }
}
