package io.tokenmeter.cli;

import io.tokenmeter.cli.budgets.BudgetsCommand;
import io.tokenmeter.cli.price.PriceCommand;
import io.tokenmeter.cli.prices.PricesCommand;
import picocli.CommandLine.Command;

/**
 * The root command: {@code tokenmeter prices ...} {@code tokenmeter price} and {@code tokenmeter
 * budgets ...}.
 */
@Command(
    name = "tokenmeter",
    mixinStandardHelpOptions = true,
    version = "tokenmeter 0.1.0-SNAPSHOT",
    description =
        "Manage tokenmeter's prices and budgets on their compacted Kafka topics; price usage.",
    subcommands = {PricesCommand.class, PriceCommand.class, BudgetsCommand.class})
public final class TokenmeterCommand {}
