package io.tokenmeter.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Turns an error response into a typed exception. Decides on the HTTP status first and refines with
 * {@code error_code}, reading the body leniently: registries send a missing or zero {@code
 * error_code}, a bare status as code, a {@code message} that is an array, or a bare JSON string.
 */
final class RegistryErrors {
  /** Statuses worth retrying; the same list as Confluent's Java and Python clients. */
  static final Set<Integer> RETRIABLE_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

  private static final int MAX_MESSAGE_CHARS = 500;

  private RegistryErrors() {}

  static boolean isRetriable(int status) {
    return RETRIABLE_STATUSES.contains(status);
  }

  /**
   * @param operation what was attempted, e.g. {@code register subject 'orders-value'}
   * @param conflictMeansIncompatible true for register and compatibility calls, where 409 means
   *     "incompatible"; on a DELETE, Apicurio uses 409 for soft-delete state errors
   */
  static SchemaRegistryException toException(
      String operation, int status, String body, boolean conflictMeansIncompatible) {
    int code = status;
    String message = "HTTP " + status;
    JsonNode json = RegistryJson.tryParse(body);
    if (json != null && json.isObject()) {
      code = readCode(json.get("error_code"), status);
      message = readMessage(json.get("message"), message);
    } else if (json != null && json.isTextual()) {
      message = json.asText();
    } else if (body != null && !body.isBlank()) {
      message = body.strip();
    }
    message = truncate(message);
    String text = operation + " failed: HTTP " + status + ", error_code " + code + ": " + message;
    if (status == 404) {
      return switch (code) {
        case SubjectNotFoundException.ERROR_CODE -> new SubjectNotFoundException(text);
        case VersionNotFoundException.ERROR_CODE -> new VersionNotFoundException(text);
        case SchemaNotFoundException.ERROR_CODE -> new SchemaNotFoundException(text);
        default -> new SchemaRegistryException(text, status, code);
      };
    }
    if (status == 409 && conflictMeansIncompatible) {
      return new IncompatibleSchemaException(text, code);
    }
    if (isRetriable(status)) {
      return new RegistryUnavailableException(text, status, code);
    }
    return new SchemaRegistryException(text, status, code);
  }

  private static int readCode(JsonNode node, int status) {
    if (node == null || node.isNull()) {
      return status;
    }
    int code = node.isNumber() ? node.asInt() : parseIntOrZero(node.asText());
    // Apicurio sends 0 for unmapped exceptions; the status is the better signal then.
    return code == 0 ? status : code;
  }

  private static int parseIntOrZero(String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String readMessage(JsonNode node, String fallback) {
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (node.isTextual()) {
      return node.asText();
    }
    // Karapace sends validation errors as an array of objects.
    return node.toString();
  }

  private static String truncate(String message) {
    return message.length() <= MAX_MESSAGE_CHARS
        ? message
        : message.substring(0, MAX_MESSAGE_CHARS) + "...";
  }
}
