package io.tokenmeter.pricing.importer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;

/**
 * JSON reading for catalogs. Numbers are parsed straight to BigDecimal
 * (USE_BIG_DECIMAL_FOR_FLOATS): a price such as 3e-06 never passes through a double.
 */
final class CatalogJson {

  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .build();

  private CatalogJson() {}

  /** A decimal from a JSON number or a numeric string; null when absent or JSON null. */
  static BigDecimal decimal(JsonNode node, String what) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isTextual()) {
      try {
        return new BigDecimal(node.textValue().trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            what + " = '" + node.textValue() + "' is not a decimal number", e);
      }
    }
    throw new IllegalArgumentException(what + " is " + node.getNodeType() + ", not a number");
  }

  /** A text field, or null. */
  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
