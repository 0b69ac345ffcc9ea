package io.tokenmeter.cli.prices;

import picocli.CommandLine.Command;

/** {@code tokenmeter prices import|list|show}: the compacted prices topic. */
@Command(
    name = "prices",
    mixinStandardHelpOptions = true,
    description = "Import price catalogs to the prices topic and inspect what it holds.",
    subcommands = {PricesImportCommand.class, PricesListCommand.class, PricesShowCommand.class})
public final class PricesCommand {}
