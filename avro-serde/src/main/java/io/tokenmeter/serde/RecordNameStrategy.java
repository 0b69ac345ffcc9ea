package io.tokenmeter.serde;

import org.apache.avro.Schema;

/**
 * The record's full name, e.g. {@code io.tokenmeter.UsageEvent}: compatibility is tracked per type
 * across topics, so several types can share a topic.
 */
public final class RecordNameStrategy implements SubjectNameStrategy {
  @Override
  public String subjectName(String topic, boolean isKey, Schema schema) {
    return fullName(schema, getClass().getSimpleName());
  }

  static String fullName(Schema schema, String strategy) {
    Schema.Type type = schema.getType();
    if (type != Schema.Type.RECORD && type != Schema.Type.ENUM && type != Schema.Type.FIXED) {
      throw new AvroSerdeException(
          SerdeFailure.UNSUPPORTED_TYPE,
          strategy
              + " needs a named schema (record, enum or fixed), but the schema is "
              + type
              + "; use TopicNameStrategy for such values");
    }
    return schema.getFullName();
  }
}
