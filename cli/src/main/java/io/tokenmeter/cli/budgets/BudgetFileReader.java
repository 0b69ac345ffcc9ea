package io.tokenmeter.cli.budgets;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tokenmeter.cli.common.Suggestion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads budgets from a YAML ({@code .yaml}/{@code .yml}) or JSON file: one budget object, a list of
 * them, or an object with a {@code budgets} list. Keys are {@link BudgetField#key()}s; an unknown
 * key is an error, so a typo never silently drops a setting. Numbers are read as decimals, never
 * through a double.
 */
final class BudgetFileReader {

  static final String LIST_KEY = "budgets";

  private BudgetFileReader() {}

  static List<BudgetDraft> read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new BudgetInputException(
          "budgets file " + file.toAbsolutePath() + " does not exist; check the path");
    }
    JsonNode root;
    try {
      root = mapperFor(file).readTree(file.toFile());
    } catch (JacksonException e) {
      throw new BudgetInputException(
          file + " is not valid " + kind(file) + ": " + problem(e) + locate(e));
    } catch (IOException e) {
      throw new BudgetInputException("cannot read " + file + ": " + e.getMessage());
    }
    List<BudgetDraft> drafts = new ArrayList<>();
    List<JsonNode> entries = entries(root, file);
    for (int i = 0; i < entries.size(); i++) {
      drafts.add(draft(entries.get(i), file.getFileName() + ", budget " + (i + 1)));
    }
    return drafts;
  }

  private static ObjectMapper mapperFor(Path file) {
    ObjectMapper mapper =
        kind(file).equals("YAML") ? new ObjectMapper(new YAMLFactory()) : new ObjectMapper();
    // Decimals as written (1234.10 stays 1234.10, never a double) so messages quote the file.
    mapper.setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    return mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  }

  private static String kind(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml") ? "YAML" : "JSON";
  }

  /**
   * The parser's own words without its excerpt of the file: YAML's message quotes the offending
   * lines (indented) under a caret, which reads as noise once printed on one line.
   */
  private static String problem(JacksonException e) {
    return e.getOriginalMessage()
        .lines()
        .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
        .collect(Collectors.joining("; "));
  }

  private static String locate(JacksonException e) {
    return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
  }

  private static List<JsonNode> entries(JsonNode root, Path file) {
    JsonNode list =
        root != null && root.isObject() && root.has(LIST_KEY) ? root.get(LIST_KEY) : root;
    List<JsonNode> entries = new ArrayList<>();
    if (list != null && list.isArray()) {
      list.forEach(entries::add);
    } else if (list != null && list.isObject()) {
      entries.add(list);
    }
    if (entries.isEmpty()) {
      throw new BudgetInputException(
          file + " holds no budgets; write a budget object, a list of them, or 'budgets: [...]'");
    }
    return entries;
  }

  private static BudgetDraft draft(JsonNode entry, String origin) {
    if (!entry.isObject()) {
      throw new BudgetInputException(origin + " is not an object of key: value pairs");
    }
    Map<BudgetField, String> values = new EnumMap<>(BudgetField.class);
    Iterator<Map.Entry<String, JsonNode>> fields = entry.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      BudgetField known =
          BudgetField.byKey(field.getKey()).orElseThrow(() -> unknownKey(origin, field.getKey()));
      values.put(known, text(field.getValue(), known, origin));
    }
    return new BudgetDraft(origin, values);
  }

  private static String text(JsonNode value, BudgetField field, String origin) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isArray() && field == BudgetField.THRESHOLDS) {
      List<String> parts = new ArrayList<>();
      value.forEach(part -> parts.add(part.asText()));
      return String.join(",", parts);
    }
    if (value.isObject() && field == BudgetField.TAG && value.has("key") && value.has("value")) {
      return value.get("key").asText() + "=" + value.get("value").asText();
    }
    if (value.isBigDecimal()) {
      return value.decimalValue().toPlainString();
    }
    if (value.isValueNode()) {
      return value.asText();
    }
    throw new BudgetInputException(
        origin + ": " + field.key() + " must be a single value, not " + value.getNodeType());
  }

  private static BudgetInputException unknownKey(String origin, String key) {
    List<String> keys = Arrays.stream(BudgetField.values()).map(BudgetField::key).toList();
    String guess =
        Suggestion.closest(key, keys).map(known -> " (did you mean '" + known + "'?)").orElse("");
    return new BudgetInputException(
        origin + ": unknown key '" + key + "'" + guess + "; use " + String.join(", ", keys));
  }
}
