package io.tokenmeter.cli.prices;

import io.tokenmeter.cli.common.CliContext;
import io.tokenmeter.cli.common.CliFailure;
import io.tokenmeter.cli.common.KafkaOptions;
import io.tokenmeter.pricing.DefaultCatalog;
import io.tokenmeter.pricing.importer.CatalogFormat;
import io.tokenmeter.pricing.importer.ImportResult;
import io.tokenmeter.pricing.importer.ImportWarning;
import java.io.PrintWriter;
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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code prices import}: reads a catalog and publishes every version to the prices topic. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description =
        "Publish every price version of a catalog to the prices topic (keyed by version id).")
public final class PricesImportCommand implements Callable<Integer> {

  private final CliContext context;

  @Spec private CommandSpec spec;
  @Mixin private KafkaOptions kafka;
  @Mixin private PricesTopicOption topic;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Catalog format: litellm, genai-prices or tokenmeter.")
  private String format;

  @Option(names = "--default", description = "Import the catalog shipped with tokenmeter.")
  private boolean shippedCatalog;

  @Option(names = "--dry-run", description = "Read and check the catalog, publish nothing.")
  private boolean dryRun;

  @Option(
      names = {"-v", "--verbose"},
      description = "List every warning.")
  private boolean verbose;

  @Parameters(
      arity = "0..1",
      paramLabel = "FILE_OR_URL",
      description = "Catalog file or http(s) URL.")
  private String location;

  public PricesImportCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    String origin = shippedCatalog ? "the default catalog" : location;
    ImportPlan plan = ImportPlan.of(load());
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        Locale.ROOT,
        "read %d price versions from %s: %d to publish, %d rejected, %d warnings%n",
        plan.publishable().size() + plan.rejected().size(),
        origin,
        plan.publishable().size(),
        plan.rejected().size(),
        plan.warnings().size());
    for (ImportWarning rejected : plan.rejected()) {
      out.println("  rejected " + rejected);
    }
    if (verbose) {
      plan.warnings().forEach(w -> out.println("  warning " + w));
    } else if (!plan.warnings().isEmpty()) {
      out.println("  (entries skipped or changed on import; --verbose lists them)");
    }
    if (plan.publishable().isEmpty()) {
      throw new CliFailure(
          "no price versions to publish from "
              + origin
              + " ("
              + plan.warnings().size()
              + " entries skipped); check that --format matches the file, or use --verbose");
    }
    if (dryRun) {
      out.println("dry run: nothing published");
      return 0;
    }
    List<Map.Entry<String, SpecificRecord>> records =
        plan.publishable().stream()
            .map(p -> Map.<String, SpecificRecord>entry(p.getPriceVersionId(), p))
            .toList();
    int written = context.topics(kafka.settings()).publish(topic.topic(), records);
    out.printf(Locale.ROOT, "published %d price versions to %s%n", written, topic.topic());
    return 0;
  }

  private ImportResult load() {
    if (shippedCatalog) {
      if (location != null) {
        throw usage("give either --default or FILE_OR_URL, not both");
      }
      if (format != null && catalogFormat() != CatalogFormat.TOKENMETER) {
        throw usage("--default imports the shipped tokenmeter-format catalog; drop --format");
      }
      return DefaultCatalog.load();
    }
    if (location == null) {
      throw usage("give a catalog FILE_OR_URL, or --default for the shipped catalog");
    }
    if (format == null) {
      throw usage("--format is missing; give --format litellm, genai-prices or tokenmeter");
    }
    return CatalogSource.read(location, catalogFormat().importer());
  }

  private CatalogFormat catalogFormat() {
    try {
      return CatalogFormat.fromName(format);
    } catch (IllegalArgumentException e) {
      throw usage("--format: " + e.getMessage());
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
