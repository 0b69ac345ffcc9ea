package io.tokenmeter.serde;

import static io.tokenmeter.serde.TestRecords.config;
import static io.tokenmeter.serde.TestRecords.farewell;
import static io.tokenmeter.serde.TestRecords.greeting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmeter.registry.MockSchemaRegistry;
import io.tokenmeter.serde.testrecords.Farewell;
import io.tokenmeter.serde.testrecords.Greeting;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Subject name strategies, auto-registration on/off and use.latest.version. */
class SubjectAndRegistrationTest {
  static final String SCOPE = "subject-test";

  final MockSchemaRegistry registry = MockSchemaRegistry.forScope(SCOPE);

  @AfterEach
  void drop() {
    MockSchemaRegistry.dropScope(SCOPE);
  }

  private KafkaAvroSerializer<Object> serializer(boolean isKey, Object... keyValues) {
    KafkaAvroSerializer<Object> serializer = new KafkaAvroSerializer<>();
    serializer.configure(config(SCOPE, keyValues), isKey);
    return serializer;
  }

  private static int schemaId(byte[] payload) {
    return ByteBuffer.wrap(payload, 1, 4).getInt();
  }

  @Test
  void shouldUseTopicNameStrategyByDefault() {
    serializer(false).serialize("usage", greeting("v", 1, "1"));
    serializer(true).serialize("usage", farewell("k"));

    assertThat(registry.getAllSubjects()).containsExactly("usage-key", "usage-value");
  }

  @Test
  void shouldUseRecordNameStrategyGivenOurOrConfluentsClassName() {
    serializer(false, "value.subject.name.strategy", RecordNameStrategy.class.getName())
        .serialize("mixed", greeting("v", 1, "1"));
    serializer(
            false,
            "value.subject.name.strategy",
            "io.confluent.kafka.serializers.subject.RecordNameStrategy")
        .serialize("mixed", farewell("bye"));

    assertThat(registry.getAllSubjects())
        .containsExactly(
            Farewell.getClassSchema().getFullName(), Greeting.getClassSchema().getFullName());
  }

  @Test
  void shouldUseTopicRecordNameStrategyForKeysWhenConfigured() {
    serializer(
            true,
            "key.subject.name.strategy",
            TopicRecordNameStrategy.class,
            "value.subject.name.strategy",
            "RecordNameStrategy")
        .serialize("mixed", farewell("bye"));

    assertThat(registry.getAllSubjects())
        .containsExactly("mixed-io.tokenmeter.serde.testrecords.Farewell");
  }

  @Test
  void shouldRejectUnknownStrategiesWithTheChoices() {
    assertThatThrownBy(() -> serializer(false, "value.subject.name.strategy", "com.example.Nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TopicRecordNameStrategy");
  }

  @Test
  void shouldRejectRecordNameStrategyForPrimitives() {
    KafkaAvroSerializer<Object> serializer =
        serializer(true, "key.subject.name.strategy", "RecordNameStrategy");

    assertThatThrownBy(() -> serializer.serialize("t", "plain-key"))
        .isInstanceOfSatisfying(
            AvroSerdeException.class,
            e -> assertThat(e.failure()).isEqualTo(SerdeFailure.UNSUPPORTED_TYPE))
        .hasMessageContaining("STRING");
  }

  @Test
  void shouldFailClearlyWhenAutoRegisterIsOffAndTheSchemaIsAbsent() {
    KafkaAvroSerializer<Object> serializer = serializer(false, "auto.register.schemas", "false");

    assertThatThrownBy(() -> serializer.serialize("usage", greeting("v", 1, "1")))
        .isInstanceOfSatisfying(
            AvroSerdeException.class,
            e -> assertThat(e.failure()).isEqualTo(SerdeFailure.SCHEMA_NOT_REGISTERED))
        .hasMessageContainingAll("usage-value", "auto.register.schemas=false");
    assertThat(registry.getAllSubjects()).isEmpty();
  }

  @Test
  void shouldUseTheRegisteredIdWhenAutoRegisterIsOff() {
    int id = registry.register("usage-value", Greeting.getClassSchema());

    byte[] payload =
        serializer(false, "auto.register.schemas", false).serialize("usage", greeting("v", 1, "1"));

    assertThat(schemaId(payload)).isEqualTo(id);
    assertThat(registry.getAllVersions("usage-value")).containsExactly(1);
  }

  @Test
  void shouldWriteWithTheLatestVersionWhenConfigured() {
    registry.register("usage-value", TestRecords.GREETING_V1);
    int latestId = registry.register("usage-value", Greeting.getClassSchema());
    KafkaAvroSerializer<Object> serializer =
        serializer(false, "auto.register.schemas", "false", "use.latest.version", "true");
    KafkaAvroDeserializer<GenericRecord> reader = new KafkaAvroDeserializer<>();
    reader.configure(config(SCOPE, "use.latest.version", "true"), false);

    byte[] payload = serializer.serialize("usage", greeting("v", 1, "1"));

    assertThat(schemaId(payload)).isEqualTo(latestId);
    assertThat(reader.deserialize("usage", payload).get("language").toString()).isEqualTo("de");
    assertThatThrownBy(() -> serializer.serialize("usage", TestRecords.greetingV1("old", 1, "1")))
        .isInstanceOfSatisfying(
            AvroSerdeException.class,
            e -> assertThat(e.failure()).isEqualTo(SerdeFailure.SCHEMA_NOT_REGISTERED))
        .hasMessageContaining("latest version 2");
  }

  @Test
  void shouldReadOldPayloadsWithTheLatestSchemaAsReader() {
    KafkaAvroSerializer<Object> v1Writer = serializer(false);
    byte[] oldPayload = v1Writer.serialize("usage", TestRecords.greetingV1("old", 2, "1"));
    registry.register("usage-value", Greeting.getClassSchema());
    KafkaAvroDeserializer<GenericRecord> reader = new KafkaAvroDeserializer<>();
    reader.configure(
        Map.of("schema.registry.url", "mock://" + SCOPE, "use.latest.version", "true"), false);

    GenericRecord read = reader.deserialize("usage", oldPayload);

    assertThat(read.getSchema()).isEqualTo(Greeting.getClassSchema());
    assertThat(read.get("language").toString()).isEqualTo("en");
  }
}
