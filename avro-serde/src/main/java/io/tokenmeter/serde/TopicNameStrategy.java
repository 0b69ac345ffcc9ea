package io.tokenmeter.serde;

import org.apache.avro.Schema;

/** {@code <topic>-key} / {@code <topic>-value}: one schema lineage per topic (the default). */
public final class TopicNameStrategy implements SubjectNameStrategy {
  @Override
  public String subjectName(String topic, boolean isKey, Schema schema) {
    if (topic == null) {
      throw new AvroSerdeException(
          SerdeFailure.UNSUPPORTED_TYPE,
          "TopicNameStrategy needs a topic name, but none was given");
    }
    return topic + (isKey ? "-key" : "-value");
  }

  @Override
  public boolean usesSchema() {
    return false;
  }
}
