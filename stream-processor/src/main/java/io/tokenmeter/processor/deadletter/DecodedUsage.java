package io.tokenmeter.processor.deadletter;

import io.tokenmeter.processor.deadletter.DeadLetters.Origin;
import io.tokenmeter.schema.v1.DeadLetter;
import io.tokenmeter.schema.v1.UsageEvent;

/** What became of one raw usage record: a valid event, or a dead letter saying why not. */
public sealed interface DecodedUsage {

  /**
   * A decoded event that satisfies the usage contract, with where it came from and its original
   * bytes, so a later step (pricing) can still dead-letter it faithfully.
   */
  record Valid(UsageEvent event, Origin origin, byte[] rawKey, byte[] rawValue)
      implements DecodedUsage {}

  /** A record that could not be decoded or broke the contract, with its original bytes. */
  record Rejected(DeadLetter deadLetter) implements DecodedUsage {}
}
