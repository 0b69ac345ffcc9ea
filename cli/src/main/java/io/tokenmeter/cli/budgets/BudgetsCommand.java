package io.tokenmeter.cli.budgets;

import picocli.CommandLine.Command;

/** {@code tokenmeter budgets set|list|delete}: the compacted budgets topic. */
@Command(
    name = "budgets",
    mixinStandardHelpOptions = true,
    description = "Define, list and delete budgets on the budgets topic.",
    subcommands = {BudgetsSetCommand.class, BudgetsListCommand.class, BudgetsDeleteCommand.class})
public final class BudgetsCommand {}
