package io.tokenmeter.devregistry;

/** Avro schemas used across the tests, written in Avro's compact (canonical) rendering. */
final class TestSchemas {
  /** Version 1: two required fields. */
  static final String USAGE_V1 =
      "{\"type\":\"record\",\"name\":\"Usage\",\"namespace\":\"test.tokenmeter\",\"fields\":["
          + "{\"name\":\"model\",\"type\":\"string\"},{\"name\":\"tokens\",\"type\":\"long\"}]}";

  /** Version 2: adds a field with a default, so it can read v1 data (BACKWARD compatible). */
  static final String USAGE_V2 =
      "{\"type\":\"record\",\"name\":\"Usage\",\"namespace\":\"test.tokenmeter\",\"fields\":["
          + "{\"name\":\"model\",\"type\":\"string\"},{\"name\":\"tokens\",\"type\":\"long\"},"
          + "{\"name\":\"region\",\"type\":\"string\",\"default\":\"eu\"}]}";

  /** Adds a required field without a default: cannot read v1 data (not BACKWARD compatible). */
  static final String USAGE_NEW_REQUIRED_FIELD =
      "{\"type\":\"record\",\"name\":\"Usage\",\"namespace\":\"test.tokenmeter\",\"fields\":["
          + "{\"name\":\"model\",\"type\":\"string\"},{\"name\":\"tokens\",\"type\":\"long\"},"
          + "{\"name\":\"cost\",\"type\":\"double\"}]}";

  /** Drops "tokens", which has no default: old readers of new data break (not FORWARD). */
  static final String USAGE_WITHOUT_TOKENS =
      "{\"type\":\"record\",\"name\":\"Usage\",\"namespace\":\"test.tokenmeter\",\"fields\":["
          + "{\"name\":\"model\",\"type\":\"string\"}]}";

  /** USAGE_V1 written with whitespace and a different key order. */
  static final String USAGE_V1_PRETTY =
      "{ \"namespace\": \"test.tokenmeter\", \"type\": \"record\", \"name\": \"Usage\",\n"
          + "  \"fields\": [ {\"type\": \"string\", \"name\": \"model\"},\n"
          + "              {\"name\": \"tokens\", \"type\": \"long\"} ] }";

  static final String PRICE =
      "{\"type\":\"record\",\"name\":\"Price\",\"namespace\":\"test.tokenmeter\",\"fields\":["
          + "{\"name\":\"amount\",\"type\":{\"type\":\"bytes\",\"logicalType\":\"decimal\","
          + "\"precision\":18,\"scale\":12}}]}";

  private TestSchemas() {}
}
