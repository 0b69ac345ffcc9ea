package io.tokenmeter.registry;

import java.util.List;

/**
 * Outcome of a compatibility test. {@code messages} may be empty even when incompatible: Apicurio
 * never returns them, so do not depend on them.
 */
public record CompatibilityResult(boolean compatible, List<String> messages) {
  public CompatibilityResult {
    messages = List.copyOf(messages);
  }
}
