package io.tokenmeter.devregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CompatibilityLevelTest {
  private static final Schema V1 = new Schema.Parser().parse(TestSchemas.USAGE_V1);
  private static final Schema WITHOUT_TOKENS =
      new Schema.Parser().parse(TestSchemas.USAGE_WITHOUT_TOKENS);
  private static final Schema NEW_REQUIRED =
      new Schema.Parser().parse(TestSchemas.USAGE_NEW_REQUIRED_FIELD);

  @Test
  void shouldParseLevelsCaseInsensitively() {
    assertThat(CompatibilityLevel.parse("full_transitive"))
        .isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
    assertThat(CompatibilityLevel.parse(" Backward ")).isEqualTo(CompatibilityLevel.BACKWARD);
    assertThatThrownBy(() -> CompatibilityLevel.parse(null))
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42203));
  }

  @Test
  void shouldApplyEachLevelsDirection() {
    List<CompatibilityChecker.VersionedSchema> earlier =
        List.of(new CompatibilityChecker.VersionedSchema(V1, "version 1"));
    // Dropping a required field: new reads old fine, old cannot read new.
    assertThat(CompatibilityChecker.check(WITHOUT_TOKENS, earlier, CompatibilityLevel.BACKWARD))
        .isEmpty();
    assertThat(CompatibilityChecker.check(WITHOUT_TOKENS, earlier, CompatibilityLevel.FORWARD))
        .isNotEmpty();
    assertThat(CompatibilityChecker.check(WITHOUT_TOKENS, earlier, CompatibilityLevel.FULL))
        .isNotEmpty();
    // Adding a required field: the reverse.
    assertThat(CompatibilityChecker.check(NEW_REQUIRED, earlier, CompatibilityLevel.BACKWARD))
        .isNotEmpty();
    assertThat(CompatibilityChecker.check(NEW_REQUIRED, earlier, CompatibilityLevel.FORWARD))
        .isEmpty();
    assertThat(CompatibilityChecker.check(NEW_REQUIRED, earlier, CompatibilityLevel.NONE))
        .isEmpty();
  }

  @Test
  void shouldCheckOnlyTheLatestUnlessTransitive() {
    List<CompatibilityChecker.VersionedSchema> earlier =
        List.of(
            new CompatibilityChecker.VersionedSchema(V1, "version 1"),
            new CompatibilityChecker.VersionedSchema(NEW_REQUIRED, "version 2"));
    // NEW_REQUIRED can read NEW_REQUIRED, but not V1 (cost has no default).
    assertThat(CompatibilityChecker.check(NEW_REQUIRED, earlier, CompatibilityLevel.BACKWARD))
        .isEmpty();
    assertThat(
            CompatibilityChecker.check(
                NEW_REQUIRED, earlier, CompatibilityLevel.BACKWARD_TRANSITIVE))
        .anySatisfy(message -> assertThat(message).contains("version 1"));
  }
}
