package io.tokenmeter.serde;

import org.apache.avro.Schema;

/**
 * Picks the registry subject for a record. Configured like Confluent's with {@code
 * key.subject.name.strategy} / {@code value.subject.name.strategy}; implementations need a public
 * no-argument constructor.
 */
public interface SubjectNameStrategy {
  /**
   * @param schema the record's schema (the writer schema when deserializing)
   */
  String subjectName(String topic, boolean isKey, Schema schema);

  /** Whether {@link #subjectName} needs the schema; if not, it may be passed null. */
  default boolean usesSchema() {
    return true;
  }
}
