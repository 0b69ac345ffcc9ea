package io.tokenmeter.sdk.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenmeter.schema.v1.TokenUsage;
import io.tokenmeter.schema.v1.UsageEvent;
import io.tokenmeter.sdk.client.UsageClient;
import io.tokenmeter.serde.KafkaAvroDeserializer;
import io.tokenmeter.testenv.StackEndpoints;
import io.tokenmeter.testenv.WithTokenmeterStack;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Python example of docs/publishing-from-other-languages.md publishes to a real broker and
 * registry, and the JVM side reads back exactly what it meant to send.
 */
@WithTokenmeterStack
class PythonPublisherIT {
  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final Path SCRIPT = Path.of("src/test/python/publish_usage.py").toAbsolutePath();
  private static final Path RELEASED_SCHEMA =
      Path.of("../schemas/src/released/io.tokenmeter.schema.v1.UsageEvent/v1.avsc")
          .toAbsolutePath()
          .normalize();
  private static final String TOPIC = "tokenmeter.usage.v1";
  private static final String SUBJECT_PATH = "/subjects/" + TOPIC + "-value/versions";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String INSTALL_HINT =
      "This test runs the documented Python publisher with /usr/bin/python3 and Debian's"
          + " python3-confluent-kafka (1.7.0), python3-avro and python3-requests. Install them with:"
          + " apt-get install -y python3-confluent-kafka python3-avro python3-requests";

  // A full event (every optional field, a scale-12 cost, non-ASCII text) and a minimal one.
  private static final String FULL_EVENT_JSON =
      "{\"event_id\":\"0190f1c2-0000-7000-8000-000000000001\",\"event_time_ms\":1762387200123,"
          + "\"tenant_id\":\"acme-\u00fc\",\"workflow_id\":\"support-bot\",\"task_id\":\"t-42\","
          + "\"user_id\":\"u-7\",\"operation\":\"summarize\","
          + "\"tags\":{\"env\":\"prod\",\"feature\":\"search\"},\"provider\":\"openrouter\","
          + "\"model\":\"anthropic/claude-sonnet-4.5\",\"service_tier\":\"standard\","
          + "\"region\":\"global\",\"latency_ms\":1834,"
          + "\"usage\":{\"input_tokens\":12000,\"cache_read_tokens\":8000,"
          + "\"cache_write_tokens\":2000,\"cache_write_5m_tokens\":1500,"
          + "\"cache_write_1h_tokens\":500,\"output_tokens\":900,\"reasoning_tokens\":400,"
          + "\"other_units\":{\"web_search_calls\":2}},"
          + "\"usage_complete\":true,\"provider_reported_cost_usd\":\"0.012345678901\","
          + "\"provider_request_id\":\"gen-123\"}";
  private static final String MINIMAL_EVENT_JSON =
      "{\"event_id\":\"0190f1c2-0000-7000-8000-000000000002\",\"event_time_ms\":1762387260000,"
          + "\"tenant_id\":\"globex\",\"provider\":\"openai\",\"model\":\"gpt-4o-2024-08-06\","
          + "\"usage\":{\"input_tokens\":10,\"output_tokens\":0},\"usage_complete\":false}";

  @BeforeAll
  static void requirePython() throws IOException, InterruptedException {
    if (!Files.isExecutable(PYTHON)) {
      fail(INSTALL_HINT + " (no " + PYTHON + ")");
    }
    Process probe =
        new ProcessBuilder(
                PYTHON.toString(), "-c", "import confluent_kafka.avro, avro.io, requests")
            .redirectErrorStream(true)
            .start();
    String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!probe.waitFor(60, TimeUnit.SECONDS) || probe.exitValue() != 0) {
      fail(INSTALL_HINT + "\nImport failed: " + output);
    }
  }

  private static UsageEvent expectedFull() {
    return UsageEvent.newBuilder()
        .setEventId("0190f1c2-0000-7000-8000-000000000001")
        .setEventTime(Instant.ofEpochMilli(1_762_387_200_123L))
        .setTenantId("acme-\u00fc")
        .setWorkflowId("support-bot")
        .setTaskId("t-42")
        .setUserId("u-7")
        .setOperation("summarize")
        .setTags(Map.of("env", "prod", "feature", "search"))
        .setProvider("openrouter")
        .setModel("anthropic/claude-sonnet-4.5")
        .setServiceTier("standard")
        .setRegion("global")
        .setLatencyMs(1_834L)
        .setUsage(
            TokenUsage.newBuilder()
                .setInputTokens(12_000L)
                .setCacheReadTokens(8_000L)
                .setCacheWriteTokens(2_000L)
                .setCacheWrite5mTokens(1_500L)
                .setCacheWrite1hTokens(500L)
                .setOutputTokens(900L)
                .setReasoningTokens(400L)
                .setOtherUnits(Map.of("web_search_calls", 2L))
                .build())
        .setUsageComplete(true)
        .setProviderReportedCostUsd(new BigDecimal("0.012345678901"))
        .setProviderRequestId("gen-123")
        .build();
  }

  private static UsageEvent expectedMinimal() {
    return UsageEvent.newBuilder()
        .setEventId("0190f1c2-0000-7000-8000-000000000002")
        .setEventTime(Instant.ofEpochMilli(1_762_387_260_000L))
        .setTenantId("globex")
        .setProvider("openai")
        .setModel("gpt-4o-2024-08-06")
        .setUsage(TokenUsage.newBuilder().setInputTokens(10L).setOutputTokens(0L).build())
        .setUsageComplete(false)
        .build();
  }

  @Test
  void shouldReadInJavaExactlyWhatThePythonExamplePublished(StackEndpoints stack) throws Exception {
    // On an empty registry the script registers the released file as it is (docs included);
    // a second run without the file writes with the id it finds registered.
    String first = runScript(stack, FULL_EVENT_JSON + "\n", RELEASED_SCHEMA.toString());
    assertThat(first).contains("\"delivered\": 1").contains("\"failed\": []");
    JsonNode latest = MAPPER.readTree(registryGet(stack, SUBJECT_PATH + "/latest"));
    assertThat(MAPPER.readTree(latest.path("schema").asText()))
        .isEqualTo(MAPPER.readTree(Files.readString(RELEASED_SCHEMA)));
    String second = runScript(stack, MINIMAL_EVENT_JSON + "\n", null);
    assertThat(second).contains("\"delivered\": 1").contains("\"failed\": []");

    List<ConsumerRecord<String, UsageEvent>> records = readTopic(stack, 2);
    assertThat(records).hasSize(2);
    assertThat(records.get(0).key()).isEqualTo("acme-\u00fc");
    assertThat(records.get(1).key()).isEqualTo("globex");
    UsageEvent full = records.get(0).value();
    assertThat(full.getProviderReportedCostUsd()).isEqualTo(new BigDecimal("0.012345678901"));
    assertThat(full.getEventTime()).isEqualTo(Instant.ofEpochMilli(1_762_387_200_123L));
    assertThat(full.getTags()).isEqualTo(Map.of("env", "prod", "feature", "search"));
    assertThat(full).isEqualTo(expectedFull());
    assertThat(records.get(1).value()).isEqualTo(expectedMinimal());

    // The second run reused the registered id instead of adding a version.
    assertThat(MAPPER.readTree(registryGet(stack, SUBJECT_PATH))).hasSize(1);

    // Neither does a JVM write of the generated class: the serializer registers the schema
    // without the avro.java.string properties, which is the file's text.
    try (UsageClient client =
        UsageClient.builder()
            .bootstrapServers(stack.kafkaBootstrapServers())
            .registryUrl(stack.schemaRegistryUrl())
            .topic(TOPIC)
            .build()) {
      client.publish(expectedMinimal()).get(60, TimeUnit.SECONDS);
    }
    assertThat(MAPPER.readTree(registryGet(stack, SUBJECT_PATH))).hasSize(1);
    // The Python copy and the JVM copy of the minimal event, read back identical.
    assertThat(readTopic(stack, 3))
        .extracting(ConsumerRecord::value)
        .filteredOn(expectedMinimal()::equals)
        .hasSize(2);
  }

  private static String registryGet(StackEndpoints stack, String path)
      throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(stack.schemaRegistryUrl() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  /** Runs the example with events on stdin; {@code schemaFile} may be null (use the registry). */
  private static String runScript(StackEndpoints stack, String stdin, String schemaFile)
      throws IOException, InterruptedException {
    Path stderr = Files.createTempFile("publish-usage-stderr", ".txt");
    List<String> command =
        new ArrayList<>(
            List.of(
                PYTHON.toString(),
                SCRIPT.toString(),
                stack.kafkaBootstrapServers(),
                stack.schemaRegistryUrl()));
    if (schemaFile != null) {
      command.add(schemaFile);
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
    // requests would otherwise send loopback registry calls to a proxy set in the environment.
    builder.environment().put("NO_PROXY", "127.0.0.1,localhost");
    builder.environment().put("no_proxy", "127.0.0.1,localhost");
    Process process = builder.start();
    process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("publish_usage.py did not finish within 90 s");
    }
    String errors = Files.readString(stderr);
    Files.deleteIfExists(stderr);
    assertThat(process.exitValue()).as("stdout: %s%nstderr: %s", stdout, errors).isZero();
    return stdout;
  }

  private static List<ConsumerRecord<String, UsageEvent>> readTopic(
      StackEndpoints stack, int expected) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "python-interop-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    KafkaAvroDeserializer<UsageEvent> values = new KafkaAvroDeserializer<>(UsageEvent.class);
    values.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
    List<ConsumerRecord<String, UsageEvent>> records = new ArrayList<>();
    try (KafkaConsumer<String, UsageEvent> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), values)) {
      consumer.subscribe(List.of(TOPIC));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (records.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    // The two events have different keys, so they may sit in different partitions.
    records.sort((a, b) -> a.value().getEventId().compareTo(b.value().getEventId()));
    return records;
  }
}
