package io.tokenmeter.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.cli.Main;
import io.tokenmeter.cli.common.CliContext;
import io.tokenmeter.cli.testing.TestCatalogs;
import io.tokenmeter.pricing.DefaultCatalog;
import io.tokenmeter.pricing.importer.TokenmeterCatalogImporter;
import io.tokenmeter.registry.RegistryClientConfig;
import io.tokenmeter.schema.v1.ModelPrice;
import io.tokenmeter.serde.KafkaAvroDeserializer;
import io.tokenmeter.testenv.StackEndpoints;
import io.tokenmeter.testenv.WithTokenmeterStack;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real CLI (BrokerClients, the Avro serde, a schema registry over HTTP) against the test stack
 * (embedded by default): what a command writes is read back by the next one, and by a plain
 * consumer, exactly. Each test uses its own topics, so the shared stack needs no cleanup.
 */
@WithTokenmeterStack
class CliRoundTripIT {

  private static final Logger LOGGER = LoggerFactory.getLogger(CliRoundTripIT.class);

  private final String bootstrapServers;
  private final String registryUrl;

  CliRoundTripIT(StackEndpoints endpoints) {
    this.bootstrapServers = endpoints.kafkaBootstrapServers();
    this.registryUrl = endpoints.schemaRegistryUrl();
  }

  /** A fresh topic per run, so an external stack that keeps its data does not change results. */
  private static String unique(String name) {
    return name + "." + UUID.randomUUID();
  }

  private record Result(int exitCode, String out, String err) {}

  private Result run(String... args) {
    String[] withEndpoints =
        Stream.concat(
                Stream.of(args),
                Stream.of("--bootstrap-servers", bootstrapServers, "--registry-url", registryUrl))
            .toArray(String[]::new);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            withEndpoints, new PrintWriter(out), new PrintWriter(err), CliContext.production());
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void shouldImportThenListAndShowExactlyWhatWasImported() throws IOException {
    String topic = unique("it.prices");
    Path file = Path.of(TestCatalogs.smallCatalog());
    List<ModelPrice> expected = new TokenmeterCatalogImporter().read(file).prices();

    Result imported =
        run("prices", "import", "--format", "tokenmeter", file.toString(), "--topic", topic);
    Result listed = run("prices", "list", "--topic", topic);
    Result shown =
        run(
            "prices",
            "show",
            "claude-sonnet-4-5",
            "--provider",
            "anthropic",
            "--tenant",
            "acme",
            "--at",
            "2025-10-02T00:00:00Z",
            "--topic",
            topic);

    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertSameRecords(readAll(topic), expected);
    assertThat(cleanupPolicy(topic)).isEqualTo("compact");
    assertThat(listed.exitCode()).as(listed.err()).isZero();
    assertThat(cells(listed))
        .containsExactly(
            List.of(
                "anthropic",
                "claude-sonnet-4-5",
                "standard",
                "global",
                "2025-09-29T00:00:00Z",
                "3",
                "15"),
            List.of(
                "anthropic",
                "claude-sonnet-4-5",
                "standard",
                "acme",
                "2025-10-01T00:00:00Z",
                "2.4",
                "12"),
            List.of("openai", "gpt-4o", "batch", "global", "2024-10-01T00:00:00Z", "1.25", "5"),
            List.of("openai", "gpt-4o", "standard", "global", "2024-05-13T00:00:00Z", "5", "15"),
            List.of("openai", "gpt-4o", "standard", "global", "2024-10-01T00:00:00Z", "2.5", "10"),
            List.of("5", "price", "versions", "on", topic, "(USD", "per", "million", "tokens)"));
    assertThat(shown.exitCode()).as(shown.err()).isZero();
    assertThat(shown.out())
        .contains(
            "version            anthropic/claude-sonnet-4-5/standard/acme/2025-10-01T00:00:00Z")
        .contains("source             negotiated")
        .contains("  input            2.4\n")
        .contains("  output           12\n");
  }

  @Test
  void shouldPublishTheShippedCatalogAndReadEveryVersionBack() {
    String topic = unique("it.default-prices");

    long start = System.nanoTime();
    Result imported = run("prices", "import", "--default", "--topic", topic);
    long published = System.nanoTime();
    Result listed = run("prices", "list", "--topic", topic);
    long read = System.nanoTime();

    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(listed.exitCode()).as(listed.err()).isZero();
    List<ModelPrice> shipped = DefaultCatalog.load().prices();
    assertSameRecords(readAll(topic), shipped);
    assertThat(listed.out())
        .endsWith(shipped.size() + " price versions on " + topic + " (USD per million tokens)\n");
    LOGGER.info(
        "published {} versions in {} ms; prices list read them in {} ms",
        shipped.size(),
        (published - start) / 1_000_000,
        (read - published) / 1_000_000);
  }

  @Test
  void shouldSetListDeleteAndListBudgets() {
    String topic = unique("it.budgets");

    Result set =
        run(
            "budgets",
            "set",
            "--id",
            "acme-monthly",
            "--tenant",
            "acme",
            "--limit-usd",
            "250.75",
            "--thresholds",
            "50,90,120",
            "--mode",
            "hard",
            "--topic",
            topic);
    Result second =
        run(
            "budgets",
            "set",
            "--id",
            "acme-rag",
            "--tenant",
            "acme",
            "--workflow",
            "rag",
            "--period",
            "day",
            "--time-zone",
            "Europe/Berlin",
            "--limit-usd",
            "10",
            "--topic",
            topic);
    Result before = run("budgets", "list", "--topic", topic);
    Result deleted = run("budgets", "delete", "acme-monthly", "--topic", topic);
    Result after = run("budgets", "list", "--topic", topic);

    assertThat(List.of(set, second, before, deleted, after))
        .allSatisfy(r -> assertThat(r.exitCode()).as(r.err()).isZero());
    assertThat(cells(before))
        .containsExactly(
            List.of(
                "acme-monthly", "acme", "tenant", "month", "UTC", "250.75", "50,90,120", "hard"),
            List.of(
                "acme-rag",
                "acme",
                "workflow=rag",
                "day",
                "Europe/Berlin",
                "10",
                "50,80,100",
                "soft"),
            List.of("2", "budgets", "on", topic));
    assertThat(cells(after))
        .containsExactly(
            List.of(
                "acme-rag",
                "acme",
                "workflow=rag",
                "day",
                "Europe/Berlin",
                "10",
                "50,80,100",
                "soft"),
            List.of("1", "budgets", "on", topic));
    assertThat(cleanupPolicy(topic)).isEqualTo("compact");
  }

  /**
   * Compares as Avro JSON text, which shows every field: ModelPrice.equals throws
   * AvroRuntimeException ("Unknown datum type java.math.BigDecimal") for some versions whose
   * other_units (a map of decimals) is not empty.
   */
  private static void assertSameRecords(List<ModelPrice> actual, List<ModelPrice> expected) {
    assertThat(actual.stream().map(ModelPrice::toString).toList())
        .containsExactlyElementsOf(expected.stream().map(ModelPrice::toString).toList());
  }

  /** The table's rows below the header, split into cells. */
  private static List<List<String>> cells(Result result) {
    return result.out().lines().skip(1).map(line -> List.of(line.split("\\s+"))).toList();
  }

  private List<ModelPrice> readAll(String topic) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            RegistryClientConfig.URL, registryUrl);
    List<ModelPrice> records = new ArrayList<>();
    KafkaAvroDeserializer<ModelPrice> values = new KafkaAvroDeserializer<>(ModelPrice.class);
    values.configure(config, false);
    try (KafkaConsumer<String, ModelPrice> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), values)) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      while (consumer.position(partition) < end) {
        for (ConsumerRecord<String, ModelPrice> record : consumer.poll(Duration.ofMillis(200))) {
          assertThat(record.key()).isEqualTo(record.value().getPriceVersionId());
          records.add(record.value());
        }
      }
    }
    return records;
  }

  private String cleanupPolicy(String topic) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      return admin
          .describeConfigs(List.of(resource))
          .all()
          .get()
          .get(resource)
          .get("cleanup.policy")
          .value();
    } catch (Exception e) {
      throw new AssertionError("cannot describe " + topic, e);
    }
  }
}
