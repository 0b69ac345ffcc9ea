package io.tokenmeter.cli.price;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenmeter.cli.common.CliContext;
import io.tokenmeter.cli.common.CliFailure;
import io.tokenmeter.cli.common.KafkaOptions;
import io.tokenmeter.cli.prices.PricesTopicOption;
import io.tokenmeter.cli.prices.PricingTime;
import io.tokenmeter.pricing.catalog.PriceCatalog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code price}: the exact cost of the usage in a JSON document read on stdin. */
@Command(
    name = "price",
    mixinStandardHelpOptions = true,
    description = {
      "Read one JSON document on stdin (a provider response body with --provider/--api, or a"
          + " usage event with --usage) and print its exact cost as JSON. Unpriced: exit 1.",
      "With --lines: one document per line, one result per line; a document that cannot be"
          + " priced gives {\"error\": ..., \"reason\": ...} on its line."
    })
public final class PriceCommand implements Callable<Integer> {

  private final CliContext context;
  private final ObjectMapper mapper = new ObjectMapper();

  @Spec private CommandSpec spec;
  @Mixin private KafkaOptions kafka;
  @Mixin private PricesTopicOption topic;

  @Option(names = "--provider", paramLabel = "P", description = "Who served the response.")
  private String provider;

  @Option(names = "--api", paramLabel = "API", description = "Which API answered (chat...).")
  private String api;

  @Option(names = "--usage", description = "The input is UsageEvent JSON (see the README).")
  private boolean usageEvents;

  @Option(
      names = "--catalog",
      paramLabel = "FORMAT:PATH",
      description =
          "Price from a catalog file or URL (litellm|genai-prices|tokenmeter), or 'default' for"
              + " the shipped catalog; default: the prices topic.")
  private String catalog;

  @Option(names = "--at", paramLabel = "ISO-TIME", description = "Pricing time (default now).")
  private String at;

  @Option(names = "--model", paramLabel = "M", description = "Model, when the body names none.")
  private String model;

  @Option(names = "--tenant", paramLabel = "T", description = "Tenant whose price wins if any.")
  private String tenant;

  @Option(names = "--service-tier", paramLabel = "TIER", description = "batch, flex, priority.")
  private String serviceTier;

  @Option(names = "--lines", description = "One JSON document per input line.")
  private boolean lines;

  public PriceCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    DocumentReader reader = documentReader();
    Instant fixedTime = pricingTime(); // a malformed --at is a usage error before any read
    PriceCatalog prices = loadCatalog();
    PricedLine pricing =
        new PricedLine(reader, new Pricer(prices), request -> timeOf(request, fixedTime));
    PricedJson json = new PricedJson(mapper);
    PrintWriter out = spec.commandLine().getOut();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(context.stdin(), StandardCharsets.UTF_8))) {
      if (lines) {
        pricing.eachLine(in, outcome -> out.println(compact(json.render(outcome))));
        return 0;
      }
      PriceOutcome outcome = pricing.whole(in);
      if (outcome instanceof PriceOutcome.Failed failed) {
        throw new CliFailure("unpriced: " + failed.reason() + ": " + failed.message());
      }
      out.println(json.render(outcome).toPrettyString());
      return 0;
    } catch (IOException | UncheckedIOException e) {
      throw new CliFailure("cannot read stdin: " + e.getMessage(), e);
    }
  }

  /** --at wins, then the document's own time, then now. */
  private Instant timeOf(PricingRequest request, Instant fixedTime) {
    if (fixedTime != null) {
      return fixedTime;
    }
    return request.eventTime() != null ? request.eventTime() : context.clock().instant();
  }

  private DocumentReader documentReader() {
    DocumentReader base;
    if (usageEvents) {
      if (provider != null || api != null) {
        throw usageError("give either --usage or --provider with --api, not both");
      }
      base = DocumentReader.usageEvent();
    } else if (provider == null || api == null) {
      throw usageError(
          "say what the input is: --provider P --api API for a provider response body, or"
              + " --usage for a usage event; valid pairs: "
              + ProviderApis.validPairs());
    } else {
      base =
          DocumentReader.providerResponse(
              ProviderApis.adapter(provider, api)
                  .orElseThrow(
                      () ->
                          usageError(
                              "no adapter reads --provider "
                                  + provider
                                  + " --api "
                                  + api
                                  + "; "
                                  + ProviderApis.fix(provider))));
    }
    return document -> base.read(document).overriddenBy(model, serviceTier, tenant);
  }

  private PriceCatalog loadCatalog() {
    try {
      return CatalogChoice.load(catalog, context, kafka.settings(), topic.topic());
    } catch (IllegalArgumentException e) {
      throw usageError(e.getMessage());
    }
  }

  private Instant pricingTime() {
    try {
      return at == null ? null : PricingTime.parse(at);
    } catch (IllegalArgumentException e) {
      throw usageError(e.getMessage());
    }
  }

  private ParameterException usageError(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private String compact(ObjectNode node) {
    try {
      return mapper.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree Jackson built", e);
    }
  }
}
