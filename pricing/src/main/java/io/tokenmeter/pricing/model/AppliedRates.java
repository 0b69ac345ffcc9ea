package io.tokenmeter.pricing.model;

import java.util.OptionalLong;

/** The rates that bill one request, and the long-context threshold that chose them, if any. */
public record AppliedRates(UnitRates rates, OptionalLong longContextThreshold) {}
