package io.tokenmeter.sink.error;

/** What the sink does about a failure. */
public enum ErrorKind {
  /** Keep the batch, pause its partition, back off, try the same batch again, without limit. */
  RETRIABLE,
  /** The record (or row) itself is bad: dead-letter it with the reason and go on. */
  POISON
}
