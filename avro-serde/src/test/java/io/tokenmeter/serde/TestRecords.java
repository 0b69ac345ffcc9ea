package io.tokenmeter.serde;

import io.tokenmeter.serde.testrecords.Farewell;
import io.tokenmeter.serde.testrecords.Greeting;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** Shared test data: the generated v2 classes and a v1 writer schema defined here. */
final class TestRecords {
  /** Greeting before `language` was added; same full name as the generated v2 class. */
  static final Schema GREETING_V1 =
      new Schema.Parser()
          .parse(
              "{\"type\":\"record\",\"name\":\"Greeting\",\"namespace\":\"io.tokenmeter.serde.testrecords\","
                  + "\"fields\":[{\"name\":\"text\",\"type\":\"string\"},{\"name\":\"count\",\"type\":\"int\"},"
                  + "{\"name\":\"cost\",\"type\":{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":18,\"scale\":6}}]}");

  private TestRecords() {}

  static Map<String, Object> config(String scope, Object... keyValues) {
    Map<String, Object> config = new HashMap<>();
    config.put("schema.registry.url", "mock://" + scope);
    for (int i = 0; i < keyValues.length; i += 2) {
      config.put((String) keyValues[i], keyValues[i + 1]);
    }
    return config;
  }

  static Greeting greeting(String text, int count, String cost) {
    return Greeting.newBuilder()
        .setText(text)
        .setCount(count)
        .setCost(new BigDecimal(cost).setScale(6)) // the schema's scale
        .setLanguage("de")
        .build();
  }

  static Farewell farewell(String text) {
    return Farewell.newBuilder().setText(text).setReason("done").build();
  }

  static GenericRecord greetingV1(String text, int count, String cost) {
    GenericRecord record = new GenericData.Record(GREETING_V1);
    record.put("text", text);
    record.put("count", count);
    Schema costSchema = GREETING_V1.getField("cost").schema();
    ByteBuffer bytes =
        new Conversions.DecimalConversion()
            .toBytes(new BigDecimal(cost), costSchema, LogicalTypes.fromSchema(costSchema));
    record.put("cost", bytes);
    return record;
  }
}
