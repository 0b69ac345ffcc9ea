package io.tokenmeter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.cli.common.CliTopics;
import io.tokenmeter.cli.common.ConnectionSettings;
import io.tokenmeter.cli.testing.CliRun;
import io.tokenmeter.cli.testing.CliRun.Result;
import java.util.Map;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class MainTest {

  private final CliRun cli = new CliRun();

  @Test
  void shouldExitTwoWithOneLineForAnUnknownCommand() {
    Result result = cli.run("pricez");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().lines())
        .singleElement()
        .asString()
        .contains("Unmatched argument at index 0: 'pricez'")
        .endsWith("(see 'tokenmeter --help')");
  }

  @Test
  void shouldExitTwoWhenNoSubcommandIsGiven() {
    assertThat(cli.run("budgets").exitCode()).isEqualTo(2);
    assertThat(cli.run().exitCode()).isEqualTo(2);
  }

  @Test
  void shouldPrintHelpAndExitZero() {
    Result result = cli.run("prices", "import", "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("--format=FORMAT")
        .contains("--dry-run")
        .contains("-X=KEY=VALUE");
  }

  @Test
  void shouldExitOneWithOneLineSayingWhatToCheckWhenKafkaTimesOut() {
    cli.kafka().failSends(new TimeoutException("Topic not present in metadata after 15000 ms."));

    Result result =
        cli.run(
            "budgets",
            "set",
            "--id",
            "b",
            "--tenant",
            "t",
            "--limit-usd",
            "1",
            "--bootstrap-servers",
            "broker-1:9092");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err().lines())
        .singleElement()
        .asString()
        .isEqualTo(
            "tokenmeter: cannot publish to tokenmeter.budgets.v1: Kafka at broker-1:9092 did not"
                + " answer in time; check --bootstrap-servers (or KAFKA_BOOTSTRAP_SERVERS) and that"
                + " the broker is running");
  }

  @Test
  void shouldPassKafkaPropertiesThroughUnchanged() {
    cli.run(
        "budgets",
        "list",
        "-X",
        "security.protocol=SSL",
        "-Xclient.rack=eu-1",
        "--registry-url",
        "http://registry:8081",
        "--topic",
        "other.budgets");

    ConnectionSettings settings = cli.kafka().connections().get(0);
    assertThat(settings.kafkaProperties())
        .isEqualTo(Map.of("security.protocol", "SSL", "client.rack", "eu-1"));
    assertThat(settings.registryUrl()).isEqualTo("http://registry:8081");
  }

  @Test
  void shouldDefaultToTheProcessorsTopicsAndLocalEndpoints() {
    cli.run("budgets", "delete", "x");
    cli.run("prices", "import", "--default");

    ConnectionSettings settings = cli.kafka().connections().get(0);
    // The environment may set KAFKA_BOOTSTRAP_SERVERS; without it the default applies.
    String expected = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
    assertThat(settings.bootstrapServers()).isEqualTo(expected);
    assertThat(cli.kafka().compactedTopics())
        .containsExactlyInAnyOrder(CliTopics.BUDGETS, CliTopics.PRICES);
    assertThat(CliTopics.PRICES).isEqualTo("tokenmeter.prices.v1");
    assertThat(CliTopics.BUDGETS).isEqualTo("tokenmeter.budgets.v1");
  }

  @Test
  void shouldRejectAnEmptyBootstrapServersAsAUsageError() {
    Result result = cli.run("budgets", "list", "--bootstrap-servers", " ");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--bootstrap-servers is empty; give host:port");
  }
}
