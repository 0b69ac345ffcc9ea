package io.tokenmeter.cli.budgets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BudgetFileReaderTest {

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void shouldReadAYamlListWithExactDecimals() throws IOException {
    Path file =
        write(
            "budgets.yaml",
            """
            budgets:
              - id: acme-monthly
                tenant: acme
                limit_usd: 1234.10
                thresholds: [50, 90]
              - id: acme-search
                tenant: acme
                tag: {key: team, value: search}
                period: day
                time_zone: Europe/Berlin
                limit_usd: "0.1"
                forecast_alerts: false
            """);

    List<BudgetDraft> drafts = BudgetFileReader.read(file);

    assertThat(drafts).hasSize(2);
    assertThat(drafts.get(0).get(BudgetField.LIMIT_USD)).isEqualTo("1234.10");
    assertThat(drafts.get(0).get(BudgetField.THRESHOLDS)).isEqualTo("50,90");
    assertThat(drafts.get(1).get(BudgetField.TAG)).isEqualTo("team=search");
    assertThat(drafts.get(1).get(BudgetField.FORECAST_ALERTS)).isEqualTo("false");
    assertThat(drafts.get(1).origin()).isEqualTo("budgets.yaml, budget 2");
  }

  @Test
  void shouldReadASingleJsonBudgetWithoutRoundingThroughADouble() throws IOException {
    Path file =
        write("one.json", "{\"id\": \"b\", \"tenant\": \"t\", \"limit_usd\": 0.30000000000000004}");

    List<BudgetDraft> drafts = BudgetFileReader.read(file);

    assertThat(drafts)
        .singleElement()
        .satisfies(d -> assertThat(d.get(BudgetField.LIMIT_USD)).isEqualTo("0.30000000000000004"));
  }

  @Test
  void shouldReadATopLevelList() throws IOException {
    Path file =
        write(
            "list.yml", "- {id: a, tenant: t, limit_usd: 1}\n- {id: b, tenant: t, limit_usd: 2}\n");

    assertThat(BudgetFileReader.read(file))
        .extracting(d -> d.get(BudgetField.ID))
        .containsExactly("a", "b");
  }

  @Test
  void shouldRejectAnUnknownKeySoATypoIsNotIgnored() throws IOException {
    Path file = write("typo.yaml", "id: a\ntenant: t\nlimt_usd: 5\n");

    assertThatThrownBy(() -> BudgetFileReader.read(file))
        .isInstanceOf(BudgetInputException.class)
        .hasMessageContaining(
            "typo.yaml, budget 1: unknown key 'limt_usd' (did you mean 'limit_usd'?); use id,"
                + " tenant");
  }

  @Test
  void shouldReportASyntaxErrorWithItsLine() throws IOException {
    Path file = write("broken.json", "{\"id\": \"a\",\n \"tenant\": }");

    assertThatThrownBy(() -> BudgetFileReader.read(file))
        .hasMessageContaining("is not valid JSON")
        .hasMessageContaining("(line 2)");
  }

  @Test
  void shouldReportAYamlSyntaxErrorWithoutTheParsersExcerpt() throws IOException {
    Path file = write("broken.yaml", "id: a\ntenant: [acme\n");

    assertThatThrownBy(() -> BudgetFileReader.read(file))
        .hasMessageContaining("is not valid YAML: while parsing a flow sequence; expected ','")
        .hasMessageContaining("(line ")
        .hasMessageNotContaining("^")
        .hasMessageNotContaining("\n");
  }

  @Test
  void shouldRejectAFileWithoutBudgets() throws IOException {
    Path file = write("empty.yaml", "budgets: []\n");

    assertThatThrownBy(() -> BudgetFileReader.read(file)).hasMessageContaining("holds no budgets");
  }
}
