package io.tokenmeter.schema.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CompatibilityGateTest {

  private static final String NAME = "t.v1.Thing";

  private static final String ID = "{\"name\": \"id\", \"type\": \"string\"}";
  private static final String COUNT = "{\"name\": \"count\", \"type\": \"long\"}";
  private static final String COLOR_ENUM =
      "{\"name\": \"color\", \"type\": {\"type\": \"enum\", \"name\": \"Color\","
          + " \"symbols\": [\"UNKNOWN\", \"RED\"%s], \"default\": \"UNKNOWN\"}}";

  private final CompatibilityGate build = CompatibilityGate.forBuild();
  private final CompatibilityGate backwardOnly = new CompatibilityGate(CompatibilityMode.BACKWARD);

  @Test
  void shouldFailWhenAFieldWithoutDefaultIsRemovedNamingRecordAndField() {
    List<SchemaViolation> violations = build.check(current(thing(ID)), released(thing(ID, COUNT)));

    assertThat(violations).hasSize(1);
    SchemaViolation violation = violations.get(0);
    assertThat(violation.recordName()).isEqualTo(NAME);
    assertThat(violation.fieldPath()).isEqualTo("count");
    assertThat(violation.message())
        .contains(NAME, "field 'count'", "FORWARD", "v1", "READER_FIELD_MISSING_DEFAULT_VALUE");
  }

  @Test
  void shouldAcceptRemovedFieldUnderBackwardOnlyBecauseNewReadersSkipIt() {
    // Documents Avro's rule and why the build uses FULL instead.
    assertThat(backwardOnly.check(current(thing(ID)), released(thing(ID, COUNT)))).isEmpty();
  }

  @Test
  void shouldFailWhenAFieldWithoutDefaultIsAdded() {
    for (CompatibilityGate gate : List.of(build, backwardOnly)) {
      List<SchemaViolation> violations = gate.check(current(thing(ID, COUNT)), released(thing(ID)));

      assertThat(violations)
          .singleElement()
          .satisfies(v -> assertThat(v.fieldPath()).isEqualTo("count"));
      assertThat(violations.get(0).message())
          .contains(NAME, "BACKWARD", "field 'count'", "give it a default");
    }
  }

  @Test
  void shouldAcceptAnOptionalFieldWithNullDefault() {
    String optional = "{\"name\": \"note\", \"type\": [\"null\", \"string\"], \"default\": null}";

    assertThat(build.check(current(thing(ID, optional)), released(thing(ID)))).isEmpty();
  }

  @Test
  void shouldFailWhenAFieldIsRenamedWithoutAlias() {
    String renamed = "{\"name\": \"identifier\", \"type\": \"string\"}";

    List<SchemaViolation> violations =
        backwardOnly.check(current(thing(renamed)), released(thing(ID)));

    assertThat(violations)
        .singleElement()
        .satisfies(v -> assertThat(v.fieldPath()).isEqualTo("identifier"));
  }

  @Test
  void shouldAcceptRenameWithAliasForNewReadersButNotForOldOnes() {
    String aliased = "{\"name\": \"identifier\", \"type\": \"string\", \"aliases\": [\"id\"]}";

    assertThat(backwardOnly.check(current(thing(aliased)), released(thing(ID)))).isEmpty();
    assertThat(build.check(current(thing(aliased)), released(thing(ID))))
        .singleElement()
        .satisfies(v -> assertThat(v.message()).contains("FORWARD", "field 'id'"));
  }

  @Test
  void shouldAcceptAnAddedEnumSymbolBecauseTheEnumHasADefault() {
    Schema before = thing(String.format(COLOR_ENUM, ""));
    Schema after = thing(String.format(COLOR_ENUM, ", \"BLUE\""));

    assertThat(build.check(current(after), released(before))).isEmpty();
  }

  @Test
  void shouldFailWhenAnEnumSymbolIsRemovedEvenThoughAvroWouldMapItToTheDefault() {
    Schema before = thing(String.format(COLOR_ENUM, ", \"BLUE\""));
    Schema after = thing(String.format(COLOR_ENUM, ""));

    assertThat(backwardOnly.check(current(after), released(before)))
        .singleElement()
        .satisfies(
            v ->
                assertThat(v.message())
                    .contains(NAME, "field 'color'", "t.v1.Color lost [BLUE]", "as 'UNKNOWN'"));
  }

  @Test
  void shouldFailWhenAnEnumWithoutDefaultLosesASymbol() {
    String noDefault =
        "{\"name\": \"color\", \"type\": {\"type\": \"enum\", \"name\": \"Color\","
            + " \"symbols\": [%s]}}";
    Schema before = thing(String.format(noDefault, "\"RED\", \"BLUE\""));
    Schema after = thing(String.format(noDefault, "\"RED\""));

    assertThat(backwardOnly.check(current(after), released(before)))
        .extracting(SchemaViolation::message)
        .anySatisfy(message -> assertThat(message).contains("MISSING_ENUM_SYMBOLS"));
  }

  @Test
  void shouldNameTheNestedFieldAndItsRecordWhenANestedTypeChanges() {
    String nested =
        "{\"name\": \"usage\", \"type\": {\"type\": \"record\", \"name\": \"Usage\", \"fields\":"
            + " [{\"name\": \"tokens\", \"type\": \"%s\"}]}}";
    Schema before = thing(ID, String.format(nested, "long"));
    Schema after = thing(ID, String.format(nested, "string"));

    List<SchemaViolation> violations = backwardOnly.check(current(after), released(before));

    assertThat(violations)
        .singleElement()
        .satisfies(v -> assertThat(v.fieldPath()).isEqualTo("usage.tokens"));
    assertThat(violations.get(0).message()).contains("declared in t.v1.Usage", "TYPE_MISMATCH");
  }

  @Test
  void shouldCheckEveryReleasedVersionNotOnlyTheLatest() {
    // v2 dropped 'count' with a default; the current schema drops the default again: fine for v2's
    // readers, but data written with v1 (no 'count' default) still has to be readable.
    String countWithDefault = "{\"name\": \"count\", \"type\": \"long\", \"default\": 0}";
    ReleasedSchema v1 = new ReleasedSchema(NAME, 1, thing(ID));
    ReleasedSchema v2 = new ReleasedSchema(NAME, 2, thing(ID, countWithDefault));

    List<SchemaViolation> violations =
        backwardOnly.check(current(thing(ID, COUNT)), List.of(v2, v1));

    assertThat(violations)
        .singleElement()
        .satisfies(v -> assertThat(v.message()).contains("released v1"));
  }

  @Test
  void shouldFailWhenAReleasedRecordNoLongerExists() {
    List<SchemaViolation> violations = build.check(Map.of(), released(thing(ID)));

    assertThat(violations)
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.recordName()).isEqualTo(NAME);
              assertThat(v.message()).contains("was released (v1)", "restore it");
            });
  }

  @Test
  void shouldThrowWithEveryViolationWhenEnforcing() {
    assertThatThrownBy(() -> build.enforce(current(thing(COUNT)), released(thing(ID))))
        .isInstanceOf(IncompatibleSchemaChangeException.class)
        .hasMessageContaining("FULL")
        .hasMessageContaining("field 'count'")
        .hasMessageContaining("field 'id'")
        .satisfies(
            e -> assertThat(((IncompatibleSchemaChangeException) e).violations()).hasSize(2));
  }

  @Test
  void shouldPassUnchangedSchemas() {
    assertThat(build.check(current(thing(ID, COUNT)), released(thing(ID, COUNT)))).isEmpty();
  }

  static Schema thing(String... fields) {
    return new Schema.Parser()
        .parse(
            "{\"type\": \"record\", \"name\": \"Thing\", \"namespace\": \"t.v1\", \"fields\": ["
                + String.join(", ", fields)
                + "]}");
  }

  private static Map<String, Schema> current(Schema schema) {
    return Map.of(schema.getFullName(), schema);
  }

  private static List<ReleasedSchema> released(Schema schema) {
    return List.of(new ReleasedSchema(schema.getFullName(), 1, schema));
  }
}
