package io.tokenmeter.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MockSchemaRegistryTest {
  static final String SCOPE = "mock-registry-test";
  static final Schema V1 = parse("[{\"name\":\"id\",\"type\":\"long\"}]");
  static final Schema V2_WITH_DEFAULT =
      parse(
          "[{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"note\",\"type\":\"string\",\"default\":\"\"}]");
  static final Schema V2_WITHOUT_DEFAULT =
      parse("[{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"note\",\"type\":\"string\"}]");

  final MockSchemaRegistry registry = MockSchemaRegistry.forScope(SCOPE);

  static Schema parse(String fields) {
    return new Schema.Parser()
        .parse(
            "{\"type\":\"record\",\"name\":\"Item\",\"namespace\":\"t\",\"fields\":"
                + fields
                + "}");
  }

  @AfterEach
  void drop() {
    MockSchemaRegistry.dropScope(SCOPE);
  }

  @Test
  void shouldShareOneRegistryPerScopeThroughTheFactory() {
    SchemaRegistryClient viaUrl =
        SchemaRegistryClients.create(Map.of("schema.registry.url", "mock://" + SCOPE));

    int id = registry.register("items-value", V1);

    assertThat(viaUrl.getSchemaById(id)).isEqualTo(V1);
  }

  @Test
  void shouldReuseTheIdForTheSameSchemaAcrossSubjectsAndBeIdempotent() {
    int first = registry.register("a-value", V1);
    int again = registry.register("a-value", V1);
    int other = registry.register("b-value", V1);

    assertThat(again).isEqualTo(first);
    assertThat(other).isEqualTo(first);
    assertThat(registry.getAllVersions("a-value")).containsExactly(1);
  }

  @Test
  void shouldAcceptBackwardCompatibleEvolutionAsNewVersion() {
    registry.register("items-value", V1);
    int id2 = registry.register("items-value", V2_WITH_DEFAULT);

    assertThat(registry.getLatestVersion("items-value"))
        .isEqualTo(new RegisteredSchema("items-value", 2, id2, V2_WITH_DEFAULT));
    assertThat(registry.lookUp("items-value", V1).version()).isEqualTo(1);
  }

  @Test
  void shouldRejectAnAddedFieldWithoutDefaultUnderBackward() {
    registry.register("items-value", V1);

    assertThat(registry.testCompatibilityWithLatest("items-value", V2_WITHOUT_DEFAULT).compatible())
        .isFalse();
    assertThatThrownBy(() -> registry.register("items-value", V2_WITHOUT_DEFAULT))
        .isInstanceOfSatisfying(
            IncompatibleSchemaException.class,
            e -> assertThat(e.errorCode()).isEqualTo(IncompatibleSchemaException.ERROR_CODE))
        .hasMessageContaining("note");
  }

  @Test
  void shouldAllowAnythingUnderNone() {
    registry.register("items-value", V1);
    registry.setCompatibility("items-value", CompatibilityLevel.NONE);

    registry.register("items-value", V2_WITHOUT_DEFAULT);

    assertThat(registry.getCompatibility("items-value")).isEqualTo(CompatibilityLevel.NONE);
    assertThat(registry.getCompatibility()).isEqualTo(CompatibilityLevel.BACKWARD);
  }

  @Test
  void shouldKeepIdsResolvableAfterSoftDelete() {
    int id = registry.register("items-value", V1);

    assertThat(registry.deleteSubject("items-value", false)).containsExactly(1);

    assertThat(registry.getSchemaById(id)).isEqualTo(V1);
    assertThat(registry.getAllSubjects()).doesNotContain("items-value");
    assertThatThrownBy(() -> registry.lookUp("items-value", V1))
        .isInstanceOf(SubjectNotFoundException.class);
    assertThat(registry.deleteSubject("items-value", true)).containsExactly(1);
  }

  @Test
  void shouldReportMissingThingsWithTypedExceptions() {
    registry.register("items-value", V1);

    assertThatThrownBy(() -> registry.getSchemaById(999))
        .isInstanceOf(SchemaNotFoundException.class);
    assertThatThrownBy(() -> registry.getVersion("items-value", 5))
        .isInstanceOf(VersionNotFoundException.class);
    assertThatThrownBy(() -> registry.lookUp("items-value", V2_WITH_DEFAULT))
        .isInstanceOf(SchemaNotFoundException.class);
    assertThatThrownBy(() -> registry.getLatestVersion("nope"))
        .isInstanceOf(SubjectNotFoundException.class);
  }
}
