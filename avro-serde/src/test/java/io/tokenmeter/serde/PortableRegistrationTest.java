package io.tokenmeter.serde;

import static io.tokenmeter.serde.TestRecords.config;
import static io.tokenmeter.serde.TestRecords.greeting;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.registry.MockSchemaRegistry;
import io.tokenmeter.serde.testrecords.Greeting;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A contract registered from its .avsc file and a JVM write of the generated class must share one
 * subject version: the generated class's schema carries {@code avro.java.string}, the file's not.
 */
class PortableRegistrationTest {
  static final String SCOPE = "portable-registration-test";
  static final String SUBJECT = "usage-value";

  final MockSchemaRegistry registry = MockSchemaRegistry.forScope(SCOPE);

  @AfterEach
  void drop() {
    MockSchemaRegistry.dropScope(SCOPE);
  }

  private static Schema fromFile() throws IOException {
    return new Schema.Parser().parse(Files.readString(Path.of("src/test/avro/Greeting.avsc")));
  }

  private static byte[] write(Object... keyValues) {
    KafkaAvroSerializer<Object> serializer = new KafkaAvroSerializer<>();
    serializer.configure(config(SCOPE, keyValues), false);
    return serializer.serialize("usage", greeting("hi", 1, "0.5"));
  }

  private static int schemaId(byte[] payload) {
    return ByteBuffer.wrap(payload, 1, 4).getInt();
  }

  @Test
  void shouldDifferOnlyByTheJavaStringPropertyInThisSetUp() throws IOException {
    assertThat(Greeting.getClassSchema().toString()).contains("avro.java.string");
    assertThat(Greeting.getClassSchema().toString()).isNotEqualTo(fromFile().toString());
    assertThat(PortableSchemas.portable(Greeting.getClassSchema()).toString())
        .isEqualTo(fromFile().toString());
  }

  @Test
  void shouldReuseTheVersionRegisteredFromTheFile() throws IOException {
    int fileId = registry.register(SUBJECT, fromFile());

    byte[] payload = write();

    assertThat(schemaId(payload)).isEqualTo(fileId);
    assertThat(registry.getAllVersions(SUBJECT)).containsExactly(1);
  }

  @Test
  void shouldLetTheFileFindTheVersionAJvmWriteRegistered() throws IOException {
    int writtenId = schemaId(write());

    int fileId = registry.register(SUBJECT, fromFile());

    assertThat(fileId).isEqualTo(writtenId);
    assertThat(registry.getAllVersions(SUBJECT)).containsExactly(1);
    assertThat(registry.getSchemaById(writtenId).toString()).doesNotContain("avro.java.string");
  }

  @Test
  void shouldKeepUsingAJavaFlavouredVersionAnEarlierSerializerRegistered() {
    int legacyId = registry.register(SUBJECT, Greeting.getClassSchema());

    byte[] payload = write();

    assertThat(schemaId(payload)).isEqualTo(legacyId);
    assertThat(registry.getAllVersions(SUBJECT)).containsExactly(1);
  }

  @Test
  void shouldFindTheFileVersionWhenAutoRegisterIsOff() throws IOException {
    int fileId = registry.register(SUBJECT, fromFile());

    assertThat(schemaId(write("auto.register.schemas", "false"))).isEqualTo(fileId);
    assertThat(schemaId(write("auto.register.schemas", "false", "use.latest.version", "true")))
        .isEqualTo(fileId);
    assertThat(registry.getAllVersions(SUBJECT)).containsExactly(1);
  }

  @Test
  void shouldReadBackWhatWasWrittenWithThePortableSchema() throws IOException {
    registry.register(SUBJECT, fromFile());
    KafkaAvroDeserializer<Greeting> reader = new KafkaAvroDeserializer<>(Greeting.class);
    reader.configure(config(SCOPE), false);

    Greeting read = reader.deserialize("usage", write());

    assertThat(read).isEqualTo(greeting("hi", 1, "0.5"));
    assertThat(read.getText()).isInstanceOf(String.class);
  }
}
