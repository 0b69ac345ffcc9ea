package io.tokenmeter.schema.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.schema.v1.BudgetAlert;
import io.tokenmeter.schema.v1.BudgetDefinition;
import io.tokenmeter.schema.v1.BudgetState;
import io.tokenmeter.schema.v1.DeadLetter;
import io.tokenmeter.schema.v1.ModelPrice;
import io.tokenmeter.schema.v1.PricedUsage;
import io.tokenmeter.schema.v1.UnpricedUsage;
import io.tokenmeter.schema.v1.UsageEvent;
import io.tokenmeter.schema.v1.WindowedAggregate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

/**
 * The build's compatibility gate: runs over the module's real {@code src/main/avro} and {@code
 * src/released} (surefire's working directory is the module), so {@code verify} fails on an
 * incompatible change.
 */
class ReleasedSchemasCompatibilityTest {

  private static final List<Schema> ON_TOPICS =
      List.of(
          UsageEvent.getClassSchema(),
          PricedUsage.getClassSchema(),
          UnpricedUsage.getClassSchema(),
          WindowedAggregate.getClassSchema(),
          BudgetDefinition.getClassSchema(),
          BudgetAlert.getClassSchema(),
          BudgetState.getClassSchema(),
          ModelPrice.getClassSchema(),
          DeadLetter.getClassSchema());

  private final Map<String, Schema> current =
      SchemaSources.loadCurrent(Path.of(SchemaSources.CURRENT_DIR));
  private final List<ReleasedSchema> released =
      SchemaSources.loadReleased(Path.of(SchemaSources.RELEASED_DIR));

  @Test
  void shouldKeepEveryReleasedVersionReadable() {
    // enforce() throws with one line per violation naming record, field, version and fix.
    CompatibilityGate.forBuild().enforce(current, released);
  }

  @Test
  void shouldHaveAReleasedVersionOfEveryRecordOnATopic() throws Exception {
    List<String> topLevelFiles;
    try (Stream<Path> files = Files.list(Path.of(SchemaSources.CURRENT_DIR))) {
      topLevelFiles =
          files
              .filter(f -> f.toString().endsWith(".avsc"))
              .map(
                  f -> "io.tokenmeter.schema.v1." + f.getFileName().toString().replace(".avsc", ""))
              .toList();
    }
    List<String> releasedNames = released.stream().map(ReleasedSchema::fullName).toList();

    assertThat(topLevelFiles).hasSize(ON_TOPICS.size());
    assertThat(releasedNames)
        .as(
            "release new records with: ./mvnw -pl schemas process-classes exec:java"
                + " -Drelease.records=<full name>")
        .containsAll(topLevelFiles);
  }

  @Test
  void shouldGateTheSameSchemasTheGeneratedClassesCarry() {
    for (Schema generated : ON_TOPICS) {
      assertThat(SchemaNormalization.toParsingForm(current.get(generated.getFullName())))
          .as(generated.getFullName())
          .isEqualTo(SchemaNormalization.toParsingForm(generated));
    }
  }
}
