package io.tokenmeter.devregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmeter.serde.AvroSerdeException;
import io.tokenmeter.serde.KafkaAvroDeserializer;
import io.tokenmeter.serde.KafkaAvroSerializer;
import io.tokenmeter.serde.SerdeFailure;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** tokenmeter's own serde against the dev registry: the paths a producer and consumer take. */
class JavaSerdeAgainstDevRegistryIT {
  private static final Schema V1 = new Schema.Parser().parse(TestSchemas.USAGE_V1);
  private static final Schema BREAKING =
      new Schema.Parser().parse(TestSchemas.USAGE_NEW_REQUIRED_FIELD);

  private DevRegistry registry;

  @BeforeEach
  void start() {
    registry = DevRegistry.start(DevRegistryConfig.builder().build());
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  private KafkaAvroSerializer<GenericRecord> serializer(boolean autoRegister) {
    KafkaAvroSerializer<GenericRecord> serializer = new KafkaAvroSerializer<>();
    serializer.configure(
        Map.of("schema.registry.url", registry.url(), "auto.register.schemas", autoRegister),
        false);
    return serializer;
  }

  private static GenericRecord usage(Schema schema) {
    GenericRecord record = new GenericData.Record(schema);
    record.put("model", "gpt-4o");
    record.put("tokens", 1_234L);
    if (schema.getField("cost") != null) {
      record.put("cost", 0.5);
    }
    return record;
  }

  @Test
  void shouldRegisterWriteAndReadBackAGenericRecord() {
    byte[] bytes;
    try (KafkaAvroSerializer<GenericRecord> serializer = serializer(true)) {
      bytes = serializer.serialize("usage", usage(V1));
    }
    assertThat(new RegistryHttp(registry.url()).get("/subjects/usage-value/versions").body())
        .isEqualTo("[1]");
    try (KafkaAvroDeserializer<GenericRecord> deserializer = new KafkaAvroDeserializer<>()) {
      deserializer.configure(Map.of("schema.registry.url", registry.url()), false);
      assertThat(deserializer.deserialize("usage", bytes)).isEqualTo(usage(V1));
    }
  }

  @Test
  void shouldSurfaceTheRegistrysIncompatibleAnswer() {
    try (KafkaAvroSerializer<GenericRecord> serializer = serializer(true)) {
      serializer.serialize("usage", usage(V1));
      assertThatThrownBy(() -> serializer.serialize("usage", usage(BREAKING)))
          .isInstanceOfSatisfying(
              AvroSerdeException.class,
              e -> assertThat(e.failure()).isEqualTo(SerdeFailure.INCOMPATIBLE_SCHEMA));
    }
  }

  @Test
  void shouldLookUpInsteadOfRegisteringWhenAutoRegisterIsOff() {
    try (KafkaAvroSerializer<GenericRecord> serializer = serializer(false)) {
      assertThatThrownBy(() -> serializer.serialize("usage", usage(V1)))
          .isInstanceOfSatisfying(
              AvroSerdeException.class,
              e -> assertThat(e.failure()).isEqualTo(SerdeFailure.SCHEMA_NOT_REGISTERED));
      new RegistryHttp(registry.url()).register("usage-value", TestSchemas.USAGE_V1);
      byte[] bytes = serializer.serialize("usage", usage(V1));
      assertThat(bytes).startsWith(0, 0, 0, 0, 1);
    }
  }
}
