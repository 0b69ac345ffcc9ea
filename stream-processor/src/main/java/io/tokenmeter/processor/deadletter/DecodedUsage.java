package io.tokenmeter.processor.deadletter;

import io.tokenmeter.schema.v1.DeadLetter;
import io.tokenmeter.schema.v1.UsageEvent;

/** What became of one raw usage record: a valid event, or a dead letter saying why not. */
public sealed interface DecodedUsage {

  /** A decoded event that satisfies the usage contract. */
  record Valid(UsageEvent event) implements DecodedUsage {}

  /** A record that could not be decoded or broke the contract, with its original bytes. */
  record Rejected(DeadLetter deadLetter) implements DecodedUsage {}

  default boolean isValid() {
    return this instanceof Valid;
  }
}
