package io.tokenmeter.serde;

import static io.tokenmeter.serde.TestRecords.config;
import static io.tokenmeter.serde.TestRecords.greeting;
import static io.tokenmeter.serde.TestRecords.greetingV1;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.registry.MockSchemaRegistry;
import io.tokenmeter.serde.testrecords.Greeting;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KafkaAvroSerdeTest {
  static final String SCOPE = "serde-test";
  static final String TOPIC = "greetings";

  final MockSchemaRegistry registry = MockSchemaRegistry.forScope(SCOPE);

  @AfterEach
  void drop() {
    MockSchemaRegistry.dropScope(SCOPE);
  }

  private Serde<Greeting> specificSerde() {
    Serde<Greeting> serde = AvroSerde.specific(Greeting.class);
    serde.configure(config(SCOPE), false);
    return serde;
  }

  @Test
  void shouldRoundTripAGeneratedRecordIncludingDecimals() {
    Serde<Greeting> serde = specificSerde();
    Greeting sent = greeting("hello", 3, "0.000123");

    Greeting received =
        serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, sent));

    assertThat(received).isEqualTo(sent);
    assertThat(received.getCost()).isEqualByComparingTo(new BigDecimal("0.000123"));
  }

  @Test
  void shouldWriteMagicByteBigEndianIdAndBareAvroBinary() throws Exception {
    Greeting sent = greeting("hi", 1, "2.5");
    byte[] payload = specificSerde().serializer().serialize(TOPIC, sent);

    int id = registry.getLatestVersion(TOPIC + "-value").id();
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.write(0);
    expected.writeBytes(ByteBuffer.allocate(4).putInt(id).array());
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(expected, null);
    new SpecificDatumWriter<Greeting>(Greeting.class).write(sent, encoder);
    encoder.flush();

    assertThat(payload).isEqualTo(expected.toByteArray());
  }

  @Test
  void shouldRoundTripGenericRecordsWithTheirWriterSchema() {
    Serde<GenericRecord> serde = AvroSerde.generic();
    serde.configure(config(SCOPE), false);
    GenericRecord sent = greetingV1("old", 7, "1.000000");

    GenericRecord received =
        serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, sent));

    assertThat(received).isEqualTo(sent);
    assertThat(received.getSchema()).isEqualTo(TestRecords.GREETING_V1);
  }

  @Test
  void shouldReadAnOlderWriterWithTheGeneratedClassAsReader() {
    Serde<GenericRecord> v1 = AvroSerde.generic();
    v1.configure(config(SCOPE), false);
    byte[] oldPayload = v1.serializer().serialize(TOPIC, greetingV1("old", 7, "1.500000"));

    Greeting read = specificSerde().deserializer().deserialize(TOPIC, oldPayload);

    assertThat(read.getText()).isEqualTo("old");
    assertThat(read.getCount()).isEqualTo(7);
    assertThat(read.getCost()).isEqualByComparingTo("1.5");
    assertThat(read.getLanguage()).isEqualTo("en");
  }

  @Test
  void shouldReadIntoTheGeneratedClassWhenSpecificReaderIsOn() {
    KafkaAvroDeserializer<Object> deserializer = new KafkaAvroDeserializer<>();
    deserializer.configure(config(SCOPE, "specific.avro.reader", "true"), false);
    Greeting sent = greeting("x", 2, "3");

    Object read =
        deserializer.deserialize(TOPIC, specificSerde().serializer().serialize(TOPIC, sent));

    assertThat(read).isInstanceOf(Greeting.class).isEqualTo(sent);
  }

  @Test
  void shouldReadIntoTheConfiguredValueType() {
    KafkaAvroDeserializer<Object> deserializer = new KafkaAvroDeserializer<>();
    deserializer.configure(
        config(SCOPE, "specific.avro.value.type", Greeting.class.getName()), false);
    KafkaAvroSerializer<Object> serializer = new KafkaAvroSerializer<>();
    serializer.configure(config(SCOPE), false);

    Object read =
        deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, greetingV1("v1", 1, "0")));

    assertThat(read).isInstanceOf(Greeting.class);
    assertThat(((Greeting) read).getLanguage()).isEqualTo("en");
  }

  @Test
  void shouldBuildFromTheNoArgumentConstructorLikeKafkaStreamsDoes() {
    Serde<Object> serde = new AvroSerde<>();
    serde.configure(config(SCOPE, "specific.avro.reader", "true"), false);
    Greeting sent = greeting("streams", 5, "0.5");

    Object read =
        serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, sent));

    assertThat(read).isEqualTo(sent);
  }

  @Test
  void shouldTurnNullIntoNullBothWaysForTombstones() {
    Serde<Greeting> serde = specificSerde();

    assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
    assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
    assertThat(registry.getAllSubjects()).isEmpty();
  }

  @Test
  void shouldRoundTripPrimitivesAndWriteBytesRawLikeConfluent() {
    KafkaAvroSerializer<Object> serializer = new KafkaAvroSerializer<>();
    serializer.configure(config(SCOPE), true);
    KafkaAvroDeserializer<Object> deserializer = new KafkaAvroDeserializer<>();
    deserializer.configure(config(SCOPE), true);

    byte[] stringPayload = serializer.serialize("keys", "tenant-1");
    byte[] bytesPayload = serializer.serialize("raw", new byte[] {9, 8, 7});

    assertThat(deserializer.deserialize("keys", stringPayload)).isEqualTo("tenant-1");
    assertThat(bytesPayload).hasSize(5 + 3).endsWith(9, 8, 7);
    assertThat(deserializer.deserialize("raw", bytesPayload)).isEqualTo(new byte[] {9, 8, 7});
    assertThat(registry.getAllSubjects()).containsExactly("keys-key", "raw-key");
  }

  @Test
  void shouldBeSafeToShareAcrossThreads() throws Exception {
    Serde<Greeting> serde = specificSerde();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int task = 0; task < 8; task++) {
        int base = task * 1000;
        results.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 200; i++) {
                    Greeting sent = greeting("t" + (base + i), base + i, (base + i) + ".25");
                    byte[] payload = serde.serializer().serialize(TOPIC, sent);
                    if (!serde.deserializer().deserialize(TOPIC, payload).equals(sent)) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(registry.getAllVersions(TOPIC + "-value")).containsExactly(1);
  }
}
