package io.tokenmeter.serde;

import static io.tokenmeter.serde.TestRecords.config;
import static io.tokenmeter.serde.TestRecords.greeting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmeter.registry.MockSchemaRegistry;
import io.tokenmeter.serde.testrecords.Farewell;
import io.tokenmeter.serde.testrecords.Greeting;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every failure kind, with the detail its message must show. */
class SerdeFailureTest {
  static final String SCOPE = "serde-failure-test";
  static final String TOPIC = "greetings";

  final MockSchemaRegistry registry = MockSchemaRegistry.forScope(SCOPE);
  final KafkaAvroSerializer<Object> serializer = new KafkaAvroSerializer<>();
  final KafkaAvroDeserializer<Greeting> deserializer = new KafkaAvroDeserializer<>(Greeting.class);

  SerdeFailureTest() {
    serializer.configure(config(SCOPE), false);
    deserializer.configure(config(SCOPE), false);
  }

  @AfterEach
  void drop() {
    MockSchemaRegistry.dropScope(SCOPE);
  }

  static void assertFailure(ThrowingCallable call, SerdeFailure failure, String... details) {
    assertThatThrownBy(call)
        .isInstanceOf(SerializationException.class)
        .isInstanceOfSatisfying(
            AvroSerdeException.class, e -> assertThat(e.failure()).isEqualTo(failure))
        .hasMessageContainingAll(details);
  }

  private byte[] validPayload() {
    return serializer.serialize(TOPIC, greeting("hello world", 42, "1.25"));
  }

  @Test
  void shouldRejectUnknownMagicByteShowingTheByte() {
    byte[] payload = validPayload();
    payload[0] = 0x07;

    assertFailure(
        () -> deserializer.deserialize(TOPIC, payload), SerdeFailure.BAD_MAGIC_BYTE, "0x07");
  }

  @Test
  void shouldNameGuidFramingWhenMagicByteIsOne() {
    byte[] payload = validPayload();
    payload[0] = 0x01;

    assertFailure(
        () -> deserializer.deserialize(TOPIC, payload),
        SerdeFailure.BAD_MAGIC_BYTE,
        "0x01",
        "GUID");
  }

  @Test
  void shouldRejectUnknownSchemaIdShowingTheId() {
    byte[] payload = validPayload();
    ByteBuffer.wrap(payload).putInt(1, 987654);

    assertFailure(
        () -> deserializer.deserialize(TOPIC, payload), SerdeFailure.UNKNOWN_SCHEMA_ID, "987654");
  }

  @Test
  void shouldRejectPayloadShorterThanTheHeaderShowingLengths() {
    assertFailure(
        () -> deserializer.deserialize(TOPIC, new byte[] {0, 0, 1}),
        SerdeFailure.TRUNCATED,
        "3 bytes",
        "5");
    assertFailure(
        () -> deserializer.deserialize(TOPIC, new byte[0]), SerdeFailure.TRUNCATED, "empty");
  }

  @Test
  void shouldRejectAvroBodyCutShortShowingLengths() {
    byte[] payload = validPayload();
    byte[] cut = Arrays.copyOf(payload, payload.length - 4);

    assertFailure(
        () -> deserializer.deserialize(TOPIC, cut),
        SerdeFailure.TRUNCATED,
        (cut.length - 5) + " bytes",
        "payload " + cut.length + " bytes");
  }

  @Test
  void shouldRejectMalformedAvro() {
    byte[] payload = validPayload();
    // The first field is a string; 0x01 is the zig-zag varint for length -1.
    payload[5] = 0x01;

    assertFailure(
        () -> deserializer.deserialize(TOPIC, payload), SerdeFailure.MALFORMED_AVRO, "schema id");
  }

  @Test
  void shouldRejectTrailingBytesWhenAsked() {
    KafkaAvroDeserializer<Greeting> strict = new KafkaAvroDeserializer<>(Greeting.class);
    strict.configure(config(SCOPE, "avro.fail.on.trailing.data", "true"), false);
    byte[] payload = validPayload();
    byte[] longer = Arrays.copyOf(payload, payload.length + 2);

    assertThat(deserializer.deserialize(TOPIC, longer)).isNotNull();
    assertFailure(
        () -> strict.deserialize(TOPIC, longer), SerdeFailure.MALFORMED_AVRO, "bytes left");
  }

  @Test
  void shouldReportAnUnreachableRegistry() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    KafkaAvroSerializer<Object> offline = new KafkaAvroSerializer<>();
    offline.configure(
        config(SCOPE, "schema.registry.url", "http://127.0.0.1:" + port, "max.retries", "0"),
        false);
    KafkaAvroDeserializer<Object> offlineReader = new KafkaAvroDeserializer<>();
    offlineReader.configure(
        config(SCOPE, "schema.registry.url", "http://127.0.0.1:" + port, "max.retries", "0"),
        false);

    assertFailure(
        () -> offline.serialize(TOPIC, greeting("a", 1, "1")),
        SerdeFailure.REGISTRY_UNAVAILABLE,
        "unreachable");
    assertFailure(
        () -> offlineReader.deserialize(TOPIC, validPayload()),
        SerdeFailure.REGISTRY_UNAVAILABLE,
        "schema id");
  }

  @Test
  void shouldReportASchemaTheRegistryRejectsAsIncompatible() {
    validPayload();
    Schema incompatible =
        new Schema.Parser()
            .parse(
                "{\"type\":\"record\",\"name\":\"Greeting\",\"namespace\":\"io.tokenmeter.serde.testrecords\","
                    + "\"fields\":[{\"name\":\"text\",\"type\":\"string\"},{\"name\":\"mood\",\"type\":\"int\"}]}");
    GenericRecord record = new GenericData.Record(incompatible);
    record.put("text", "x");
    record.put("mood", 1);

    assertFailure(
        () -> serializer.serialize(TOPIC, record), SerdeFailure.INCOMPATIBLE_SCHEMA, "409", "mood");
  }

  @Test
  void shouldReportAWriterTheReaderClassCannotResolve() {
    Schema unrelated =
        new Schema.Parser()
            .parse(
                "{\"type\":\"record\",\"name\":\"Greeting\",\"namespace\":\"io.tokenmeter.serde.testrecords\","
                    + "\"fields\":[{\"name\":\"text\",\"type\":\"int\"}]}");
    GenericRecord record = new GenericData.Record(unrelated);
    record.put("text", 5);
    byte[] payload = serializer.serialize("other-topic", record);

    assertFailure(
        () -> deserializer.deserialize("other-topic", payload),
        SerdeFailure.INCOMPATIBLE_SCHEMA,
        "cannot be read",
        "text");
  }

  @Test
  void shouldReportUnsupportedValuesAndMissingReaderClasses() {
    assertFailure(
        () -> serializer.serialize(TOPIC, new Object()),
        SerdeFailure.UNSUPPORTED_TYPE,
        "java.lang.Object");

    Schema unknownType =
        new Schema.Parser()
            .parse(
                "{\"type\":\"record\",\"name\":\"NoSuchClass\",\"namespace\":\"x\",\"fields\":[]}");
    byte[] payload = serializer.serialize("other-topic", new GenericData.Record(unknownType));
    KafkaAvroDeserializer<Object> specific = new KafkaAvroDeserializer<>();
    specific.configure(config(SCOPE, "specific.avro.reader", true), false);

    assertFailure(
        () -> specific.deserialize("other-topic", payload),
        SerdeFailure.UNSUPPORTED_TYPE,
        "x.NoSuchClass");
  }

  @Test
  void shouldWriteTheNextRecordCleanlyAfterOneFailedHalfway() {
    Schema schema =
        new Schema.Parser()
            .parse(
                "{\"type\":\"record\",\"name\":\"Half\",\"namespace\":\"x\",\"fields\":["
                    + "{\"name\":\"first\",\"type\":\"string\"},"
                    + "{\"name\":\"second\",\"type\":\"string\"}]}");
    GenericRecord broken = new GenericData.Record(schema);
    broken.put("first", "written before the failure");
    GenericRecord valid = new GenericData.Record(schema);
    valid.put("first", "a");
    valid.put("second", "b");
    byte[] alone = serializer.serialize("half", valid);

    assertFailure(() -> serializer.serialize("half", broken), SerdeFailure.MALFORMED_AVRO, "Half");
    byte[] afterFailure = serializer.serialize("half", valid);

    assertThat(afterFailure).isEqualTo(alone);
  }

  @Test
  void shouldReportRecordsThatDoNotMatchTheirSchema() {
    Farewell missingText = new Farewell();

    assertFailure(
        () -> serializer.serialize("bye", missingText), SerdeFailure.MALFORMED_AVRO, "Farewell");
  }
}
