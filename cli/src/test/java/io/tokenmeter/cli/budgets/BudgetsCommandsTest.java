package io.tokenmeter.cli.budgets;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.cli.common.CliTopics;
import io.tokenmeter.cli.testing.CliRun;
import io.tokenmeter.cli.testing.CliRun.Result;
import io.tokenmeter.schema.v1.BudgetDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BudgetsCommandsTest {

  private final CliRun cli = new CliRun();

  @TempDir Path dir;

  @Test
  void shouldPublishABudgetKeyedByItsIdStampedWithTheClock() {
    Result result =
        cli.run(
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
            "America/New_York",
            "--limit-usd",
            "99.50",
            "--thresholds",
            "50,100",
            "--mode",
            "hard");

    assertThat(result.exitCode()).as(result.err()).isZero();
    List<ProducerRecord<String, SpecificRecord>> sent = cli.kafka().sent(CliTopics.BUDGETS);
    assertThat(sent).singleElement().satisfies(r -> assertThat(r.key()).isEqualTo("acme-rag"));
    BudgetDefinition budget = (BudgetDefinition) sent.get(0).value();
    assertThat(budget.getLimitUsd().toPlainString()).isEqualTo("99.500000000000");
    // timestamp-millis: the clock's micros are cut so the record reads back equal.
    assertThat(budget.getUpdatedAt()).isEqualTo(Instant.parse("2026-01-15T10:30:00.123Z"));
    assertThat(cli.kafka().compactedTopics()).containsExactly(CliTopics.BUDGETS);
    assertThat(result.out())
        .contains(
            "set acme-rag: tenant acme (workflow=rag), day in America/New_York, limit 99.5 USD,"
                + " thresholds 50,100 %, hard, forecast alerts");
  }

  @Test
  void shouldPrintCountsInAsciiDigitsWhateverTheDefaultLocale() {
    Locale original = Locale.getDefault(Locale.Category.FORMAT);
    try {
      // Arabic-Egyptian formats %d with Arabic-Indic digits unless the format names its locale.
      Locale.setDefault(Locale.Category.FORMAT, Locale.forLanguageTag("ar-EG"));
      cli.run("budgets", "set", "--id", "a", "--tenant", "t1", "--limit-usd", "10");

      Result listed = cli.run("budgets", "list");

      assertThat(listed.out().lines().toList())
          .last()
          .isEqualTo("1 budgets on tokenmeter.budgets.v1");
    } finally {
      Locale.setDefault(Locale.Category.FORMAT, original);
    }
  }

  @Test
  void shouldListSetBudgetsAndForgetDeletedOnes() {
    cli.run("budgets", "set", "--id", "a", "--tenant", "t1", "--limit-usd", "10");
    cli.run(
        "budgets",
        "set",
        "--id",
        "b",
        "--tenant",
        "t2",
        "--tag",
        "team=ml",
        "--limit-usd",
        "20.25");
    cli.run("budgets", "set", "--id", "a", "--tenant", "t1", "--limit-usd", "15");

    Result listed = cli.run("budgets", "list");
    Result deleted = cli.run("budgets", "delete", "a");
    Result afterDelete = cli.run("budgets", "list");

    assertThat(listed.out().lines().toList())
        .hasSize(4)
        .satisfies(
            lines -> {
              assertThat(lines.get(1).split("\\s+"))
                  .containsExactly("a", "t1", "tenant", "month", "UTC", "15", "50,80,100", "soft");
              assertThat(lines.get(2).split("\\s+"))
                  .containsExactly(
                      "b", "t2", "tag", "team=ml", "month", "UTC", "20.25", "50,80,100", "soft");
              assertThat(lines.get(3)).isEqualTo("2 budgets on tokenmeter.budgets.v1");
            });
    assertThat(deleted.exitCode()).isZero();
    assertThat(cli.kafka().sent(CliTopics.BUDGETS))
        .last()
        .satisfies(
            r -> {
              assertThat(r.key()).isEqualTo("a");
              assertThat(r.value()).isNull();
            });
    assertThat(afterDelete.out()).doesNotContain("t1").contains("1 budgets on");
  }

  @Test
  void shouldTreatDeletedTrueLikeATombstone() {
    cli.run("budgets", "set", "--id", "a", "--tenant", "t1", "--limit-usd", "10");
    BudgetDefinition a = (BudgetDefinition) cli.kafka().sent(CliTopics.BUDGETS).get(0).value();
    cli.kafka()
        .seed(CliTopics.BUDGETS, "a", BudgetDefinition.newBuilder(a).setDeleted(true).build());

    assertThat(cli.run("budgets", "list").out()).contains("0 budgets on");
  }

  @Test
  void shouldFilterTheListByTenant() {
    cli.run("budgets", "set", "--id", "a", "--tenant", "t1", "--limit-usd", "10");
    cli.run("budgets", "set", "--id", "b", "--tenant", "t2", "--limit-usd", "10");

    Result result = cli.run("budgets", "list", "--tenant", "t2");

    assertThat(result.out()).contains("\nb ").doesNotContain("\na ").contains("1 budgets on");
  }

  @Test
  void shouldSetEveryBudgetOfAFile() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("budgets.yaml"),
            "- {id: a, tenant: t, limit_usd: 1.5}\n- {id: b, tenant: t, user: u, limit_usd: 2}\n");

    Result result = cli.run("budgets", "set", "--file", file.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(cli.kafka().sent(CliTopics.BUDGETS))
        .extracting(ProducerRecord::key)
        .containsExactly("a", "b");
    assertThat(result.out()).contains("published 2 budget(s)");
  }

  @Test
  void shouldPublishNothingWhenOneBudgetOfAFileIsInvalid() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("budgets.json"),
            "[{\"id\": \"a\", \"tenant\": \"t\", \"limit_usd\": 1},"
                + " {\"id\": \"b\", \"tenant\": \"t\", \"limit_usd\": -1}]");

    Result result = cli.run("budgets", "set", "--file", file.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("budgets.json, budget 2: limit_usd is -1");
    assertThat(cli.kafka().sent(CliTopics.BUDGETS)).isEmpty();
  }

  @Test
  void shouldRejectFlagsTogetherWithAFile() throws IOException {
    Path file = Files.writeString(dir.resolve("b.yaml"), "{id: a, tenant: t, limit_usd: 1}\n");

    Result result = cli.run("budgets", "set", "--file", file.toString(), "--tenant", "x");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--file defines whole budgets; drop --tenant");
  }

  @Test
  void shouldRejectAMissingLimitAsAUsageErrorOnOneLine() {
    Result result = cli.run("budgets", "set", "--id", "a", "--tenant", "t");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "tokenmeter: --limit-usd is missing; give the limit per period, e.g. 250.00"
                + " (see 'tokenmeter budgets set --help')"
                + System.lineSeparator());
    assertThat(cli.kafka().sent(CliTopics.BUDGETS)).isEmpty();
  }

  @Test
  void shouldValidateWithoutPublishingOnDryRun() {
    Result result =
        cli.run("budgets", "set", "--id", "a", "--tenant", "t", "--limit-usd", "3", "--dry-run");

    assertThat(result.out()).contains("valid a: tenant t").contains("dry run");
    assertThat(cli.kafka().sent(CliTopics.BUDGETS)).isEmpty();
  }

  @Test
  void shouldNoteAnUnknownIdButStillPublishItsTombstone() {
    cli.run("budgets", "set", "--id", "a", "--tenant", "t1", "--limit-usd", "10");

    Result result = cli.run("budgets", "delete", "a", "typo");

    assertThat(result.exitCode()).isZero();
    assertThat(result.err().lines())
        .containsExactly(
            "tokenmeter: note: no budget 'typo' on tokenmeter.budgets.v1 (its tombstone is written"
                + " anyway, in case it was just defined); check the id with 'tokenmeter budgets"
                + " list'");
    assertThat(result.out()).contains("wrote 2 tombstone(s) on tokenmeter.budgets.v1: a, typo");
    assertThat(cli.kafka().sent(CliTopics.BUDGETS))
        .extracting(ProducerRecord::key)
        .containsExactly("a", "a", "typo");
  }

  @Test
  void shouldRequireAnIdToDelete() {
    Result result = cli.run("budgets", "delete");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("Missing required parameter: 'ID'");
  }
}
