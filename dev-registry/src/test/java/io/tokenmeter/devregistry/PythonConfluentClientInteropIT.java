package io.tokenmeter.devregistry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenmeter.devregistry.interop.ProbeStatus;
import io.tokenmeter.devregistry.interop.UsageProbe;
import io.tokenmeter.serde.KafkaAvroDeserializer;
import io.tokenmeter.serde.KafkaAvroSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Confluent's own Python client (legacy CachedSchemaRegistryClient + MessageSerializer) and our
 * Java serde exchange Confluent-framed Avro through the dev registry, in both directions. No broker
 * is involved: the bytes travel through files.
 */
class PythonConfluentClientInteropIT {
  private static final Path SCRIPT =
      Path.of("src/test/python/confluent_interop.py").toAbsolutePath();
  private static final Path SCHEMA = Path.of("src/test/avro/usage_probe.avsc").toAbsolutePath();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path work;
  private DevRegistry registry;

  @BeforeAll
  static void requirePython() {
    PythonProcess.requireConfluentClient();
  }

  @BeforeEach
  void start() {
    registry = DevRegistry.start(DevRegistryConfig.builder().build());
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  /** The record both sides must agree on; odd values on purpose (non-ASCII, scale-12 decimal). */
  private static UsageProbe expected() {
    return UsageProbe.newBuilder()
        .setEventId("evt-0001-\u00fc\u2603")
        .setOccurredAt(Instant.ofEpochMilli(1_762_387_200_123L))
        .setProvider("aws")
        .setModel("claude-sonnet-4-5")
        .setInputTokens(2_743L)
        .setOutputTokens(4L)
        .setCacheReadTokens(5_000_000_000L)
        .setStreaming(true)
        .setStatus(ProbeStatus.ERROR)
        .setLabels(List.of("team-a", "batch"))
        .setAttributes(Map.of("region", "eu-west-1", "tier", "gold"))
        .setCostUsd(new BigDecimal("0.009051900000"))
        .build();
  }

  /** The same values in the JSON shape the Python script reads and prints. */
  private static JsonNode expectedJson() throws IOException {
    UsageProbe probe = expected();
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("event_id", probe.getEventId());
    values.put("occurred_at", probe.getOccurredAt().toEpochMilli());
    values.put("provider", probe.getProvider());
    values.put("model", probe.getModel());
    values.put("input_tokens", probe.getInputTokens());
    values.put("output_tokens", probe.getOutputTokens());
    values.put("cache_read_tokens", probe.getCacheReadTokens());
    values.put("streaming", probe.getStreaming());
    values.put("status", probe.getStatus().name());
    values.put("labels", probe.getLabels());
    values.put("attributes", probe.getAttributes());
    values.put("cost_usd", probe.getCostUsd().toPlainString());
    // Re-read so number node types match what parsing the Python output yields.
    return MAPPER.readTree(MAPPER.writeValueAsString(values));
  }

  @Test
  void shouldReadInJavaWhatThePythonConfluentClientWrote() throws IOException {
    Path values = work.resolve("values.json");
    Files.writeString(values, MAPPER.writeValueAsString(expectedJson()));
    Path payload = work.resolve("python.bin");

    PythonProcess.Result produced =
        PythonProcess.run(
            List.of(
                SCRIPT.toString(),
                "produce",
                registry.url(),
                "py-usage",
                SCHEMA.toString(),
                values.toString(),
                payload.toString()),
            work);
    assertThat(produced.exitCode()).as(produced.stderr()).isZero();
    int pythonId = MAPPER.readTree(produced.stdout()).path("schema_id").intValue();

    RegistryHttp http = new RegistryHttp(registry.url());
    JsonNode latest = MAPPER.readTree(http.get("/subjects/py-usage-value/versions/latest").body());
    assertThat(latest.path("id").intValue()).isEqualTo(pythonId).isPositive();
    byte[] bytes = Files.readAllBytes(payload);
    assertThat(bytes[0]).isZero();
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(pythonId);

    try (KafkaAvroDeserializer<UsageProbe> deserializer =
        new KafkaAvroDeserializer<>(UsageProbe.class)) {
      deserializer.configure(Map.of("schema.registry.url", registry.url()), false);
      UsageProbe actual = deserializer.deserialize("py-usage", bytes);
      assertThat(actual.getCostUsd()).isEqualTo(new BigDecimal("0.009051900000"));
      assertThat(actual.getOccurredAt()).isEqualTo(expected().getOccurredAt());
      assertThat(actual).isEqualTo(expected());
    }
  }

  @Test
  void shouldAnswerTheConfluentClientsRegistryCallsAsItExpects() throws IOException {
    Path v1 = Files.writeString(work.resolve("v1.avsc"), TestSchemas.USAGE_V1);
    Path v2 = Files.writeString(work.resolve("v2.avsc"), TestSchemas.USAGE_V2);
    Path breaking = Files.writeString(work.resolve("b.avsc"), TestSchemas.USAGE_NEW_REQUIRED_FIELD);
    PythonProcess.Result result =
        PythonProcess.run(
            List.of(
                SCRIPT.toString(),
                "api",
                registry.url(),
                "api-value",
                v1.toString(),
                v2.toString(),
                breaking.toString()),
            work);
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(MAPPER.readTree(result.stdout()))
        .isEqualTo(
            MAPPER.readTree(
                "{\"check_registration_v2\":2,\"delete_subject\":[1,2,3],"
                    + "\"global_level\":\"BACKWARD\",\"latest\":[2,2,\"test.tokenmeter.Usage\"],"
                    + "\"register_breaking\":\"Incompatible Avro schema:409\","
                    + "\"register_breaking_under_none\":3,\"register_v1\":1,"
                    + "\"register_v1_again\":1,\"register_v2\":2,\"set_subject_level\":\"NONE\","
                    + "\"subject_level\":\"NONE\",\"test_breaking_against_latest\":false,"
                    + "\"test_v2_against_latest\":true,\"unknown_id\":null,\"version_of_v1\":1}"));
  }

  @Test
  void shouldDecodeInPythonWhatTheJavaSerializerWrote() throws IOException {
    byte[] bytes;
    try (KafkaAvroSerializer<UsageProbe> serializer = new KafkaAvroSerializer<>()) {
      serializer.configure(Map.of("schema.registry.url", registry.url()), false);
      bytes = serializer.serialize("java-usage", expected());
    }
    RegistryHttp http = new RegistryHttp(registry.url());
    JsonNode latest =
        MAPPER.readTree(http.get("/subjects/java-usage-value/versions/latest").body());
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(latest.path("id").intValue());
    Path payload = work.resolve("java.bin");
    Files.write(payload, bytes);

    PythonProcess.Result consumed =
        PythonProcess.run(
            List.of(SCRIPT.toString(), "consume", registry.url(), payload.toString()), work);
    assertThat(consumed.exitCode()).as(consumed.stderr()).isZero();
    assertThat(MAPPER.readTree(consumed.stdout())).isEqualTo(expectedJson());
  }
}
