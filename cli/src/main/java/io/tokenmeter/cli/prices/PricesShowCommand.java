package io.tokenmeter.cli.prices;

import io.tokenmeter.cli.common.CliContext;
import io.tokenmeter.cli.common.CliFailure;
import io.tokenmeter.cli.common.KafkaOptions;
import io.tokenmeter.pricing.catalog.PriceCatalog;
import io.tokenmeter.pricing.catalog.Resolution;
import io.tokenmeter.pricing.catalog.Unpriced;
import io.tokenmeter.pricing.model.PriceVersion;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code prices show MODEL}: the price that applies to a model, resolved as the processor does. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description =
        "Print the price that applies to MODEL (all rates, tiers, version, source),"
            + " or why it is unpriced (exit 1).")
public final class PricesShowCommand implements Callable<Integer> {

  private final CliContext context;

  @Spec private CommandSpec spec;
  @Mixin private KafkaOptions kafka;
  @Mixin private PricesTopicOption topic;

  @Parameters(paramLabel = "MODEL", description = "Model name as the provider reports it.")
  private String model;

  @Option(
      names = "--provider",
      paramLabel = "P",
      description = "Provider id (openai, anthropic, aws-bedrock...); default: every provider.")
  private String provider;

  @Option(names = "--tenant", paramLabel = "T", description = "Tenant whose price wins if any.")
  private String tenant;

  @Option(
      names = "--tier",
      paramLabel = "TIER",
      description = "Service tier: standard (default), batch, flex, priority.")
  private String serviceTier;

  @Option(
      names = "--at",
      paramLabel = "ISO-TIME",
      description = "Pricing time (default now), e.g. 2025-11-06T12:00:00Z or 2025-11-06.")
  private String at;

  public PricesShowCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Instant when = pricingTime();
    PriceCatalog catalog = TopicCatalog.read(context.topics(kafka.settings()), topic.topic());
    List<String> providers =
        provider != null
            ? List.of(provider)
            : List.copyOf(
                new TreeSet<>(catalog.versions().stream().map(PriceVersion::provider).toList()));
    Map<String, PriceVersion> found = new LinkedHashMap<>();
    List<String> reasons = new ArrayList<>();
    for (String candidate : providers) {
      Resolution resolution = catalog.resolve(candidate, model, serviceTier, tenant, when);
      if (resolution instanceof Resolution.Found match) {
        found.putIfAbsent(match.version().versionId(), match.version());
      } else if (resolution instanceof Unpriced unpriced) {
        reasons.add(unpriced.reason() + ": " + unpriced.message());
      }
    }
    if (found.isEmpty()) {
      throw new CliFailure(unpricedMessage(catalog, providers, reasons, when));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "price of %s at %s%n", model, when);
    String separator = "";
    for (PriceVersion version : found.values()) {
      out.print(separator);
      PriceDetails.print(version, out);
      separator = System.lineSeparator();
    }
    return 0;
  }

  private Instant pricingTime() {
    if (at == null) {
      // Milliseconds, as event times are: "now" with nanoseconds only clutters the output.
      return context.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    }
    try {
      return PricingTime.parse(at);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  private String unpricedMessage(
      PriceCatalog catalog, List<String> providers, List<String> reasons, Instant when) {
    if (catalog.size() == 0) {
      return "unpriced: topic "
          + topic.topic()
          + " holds no prices; import some with 'tokenmeter prices import --default'";
    }
    if (provider != null) {
      return "unpriced: " + String.join("; ", reasons) + " (at " + when + ")";
    }
    return "unpriced: none of the "
        + providers.size()
        + " providers on "
        + topic.topic()
        + " prices model '"
        + model
        + "' at "
        + when
        + "; check the name with 'tokenmeter prices list' or give --provider for the reason";
  }
}
