package io.tokenmeter.schema.v1;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The contract's meaning lives in its docs; these tests keep it from being lost or loosened. */
class ContractDocsTest {

  private static final List<Schema> TOP_LEVEL =
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

  private static Schema usageOfTheEvent() {
    return UsageEvent.getClassSchema().getField("usage").schema();
  }

  @Test
  void shouldStateThatInputIncludesCacheReadsAndWrites() {
    String doc = usageOfTheEvent().getField("input_tokens").doc();

    assertThat(doc).contains("ALL input", "INCLUDING cache reads", "cache writes");
    assertThat(UsageEvent.getClassSchema().getDoc())
        .contains("input_tokens INCLUDES cache reads and cache writes");
  }

  @Test
  void shouldStateThatOutputIncludesReasoning() {
    assertThat(usageOfTheEvent().getField("output_tokens").doc())
        .contains("ALL output", "INCLUDING reasoning");
    assertThat(UsageEvent.getClassSchema().getDoc()).contains("output_tokens INCLUDES reasoning");
  }

  @ParameterizedTest
  @CsvSource({
    "cache_read_tokens, SUBSET of input_tokens",
    "cache_write_tokens, SUBSET of input_tokens",
    "cache_write_5m_tokens, SUBSET of cache_write_tokens",
    "cache_write_1h_tokens, SUBSET of cache_write_tokens",
    "reasoning_tokens, SUBSET of output_tokens",
    "audio_input_tokens, SUBSET of input_tokens",
    "cache_audio_read_tokens, SUBSET of both audio_input_tokens and cache_read_tokens",
    "audio_output_tokens, SUBSET of output_tokens",
    "other_units, NOT a subset of any token count"
  })
  void shouldStateWhatEachCountIsASubsetOf(String field, String phrase) {
    assertThat(usageOfTheEvent().getField(field).doc()).contains(phrase);
  }

  @Test
  void shouldDocumentEveryRecordAndField() {
    List<String> undocumented = new ArrayList<>();
    for (Schema record : records()) {
      if (isBlank(record.getDoc())) {
        undocumented.add(record.getFullName());
      }
      for (Schema.Field field : record.getFields()) {
        if (isBlank(field.doc())) {
          undocumented.add(record.getFullName() + "." + field.name());
        }
      }
    }
    assertThat(undocumented).as("records and fields without a doc").isEmpty();
  }

  @Test
  void shouldGiveEveryEnumADefaultSymbolSoSymbolsCanBeAdded() {
    for (Schema enumSchema : namedOfType(Schema.Type.ENUM)) {
      assertThat(enumSchema.getEnumDefault()).as(enumSchema.getFullName()).isEqualTo("UNKNOWN");
    }
  }

  @Test
  void shouldDefaultEnumFieldsToOneOfTheirSymbols() {
    // Avro's parser does not check this; a wrong symbol would only fail when a reader needs it.
    int checked = 0;
    for (Schema record : records()) {
      for (Schema.Field field : record.getFields()) {
        if (field.schema().getType() == Schema.Type.ENUM && field.hasDefaultValue()) {
          assertThat(field.schema().getEnumSymbols())
              .as(record.getName() + "." + field.name())
              .contains(String.valueOf(field.defaultVal()));
          checked++;
        }
      }
    }
    assertThat(checked).as("BudgetDefinition.mode has a default").isPositive();
  }

  @Test
  void shouldDefaultEveryOptionalFieldToNull() {
    for (Schema record : records()) {
      for (Schema.Field field : record.getFields()) {
        Schema type = field.schema();
        if (type.isUnion() && type.isNullable()) {
          assertThat(type.getTypes().get(0).getType())
              .as(record.getName() + "." + field.name() + ": null first")
              .isEqualTo(Schema.Type.NULL);
          assertThat(field.defaultVal())
              .as(record.getName() + "." + field.name() + ": default null")
              .isEqualTo(JsonProperties.NULL_VALUE);
        }
      }
    }
  }

  @Test
  void shouldStoreEveryDecimalAtPrecision38Scale12() {
    List<Schema> decimals = new ArrayList<>();
    for (Schema schema : TOP_LEVEL) {
      collectDecimals(schema, decimals, new ArrayList<>());
    }
    assertThat(decimals).isNotEmpty();
    for (Schema decimal : decimals) {
      LogicalTypes.Decimal type = (LogicalTypes.Decimal) decimal.getLogicalType();
      assertThat(decimal.getType()).isEqualTo(Schema.Type.BYTES);
      assertThat(type.getPrecision()).isEqualTo(38);
      assertThat(type.getScale()).isEqualTo(12);
    }
  }

  private static List<Schema> records() {
    return namedOfType(Schema.Type.RECORD);
  }

  private static List<Schema> namedOfType(Schema.Type type) {
    Map<String, Schema> named = new LinkedHashMap<>();
    TOP_LEVEL.forEach(schema -> collectNamed(schema, named));
    return named.values().stream().filter(s -> s.getType() == type).toList();
  }

  private static void collectNamed(Schema schema, Map<String, Schema> named) {
    switch (schema.getType()) {
      case RECORD -> {
        if (named.putIfAbsent(schema.getFullName(), schema) == null) {
          schema.getFields().forEach(f -> collectNamed(f.schema(), named));
        }
      }
      case ENUM -> named.putIfAbsent(schema.getFullName(), schema);
      case ARRAY -> collectNamed(schema.getElementType(), named);
      case MAP -> collectNamed(schema.getValueType(), named);
      case UNION -> schema.getTypes().forEach(t -> collectNamed(t, named));
      default -> {}
    }
  }

  private static void collectDecimals(Schema schema, List<Schema> found, List<String> seen) {
    if (schema.getLogicalType() instanceof LogicalTypes.Decimal) {
      found.add(schema);
    }
    switch (schema.getType()) {
      case RECORD -> {
        if (!seen.contains(schema.getFullName())) {
          seen.add(schema.getFullName());
          schema.getFields().forEach(f -> collectDecimals(f.schema(), found, seen));
        }
      }
      case ARRAY -> collectDecimals(schema.getElementType(), found, seen);
      case MAP -> collectDecimals(schema.getValueType(), found, seen);
      case UNION -> schema.getTypes().forEach(t -> collectDecimals(t, found, seen));
      default -> {}
    }
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
