package io.tokenmeter.devregistry;

import com.fasterxml.jackson.core.JsonProcessingException;

/** What a route answers: an HTTP status and the body text (JSON, or a raw schema). */
record ApiResponse(int status, String body) {
  /** A 200 with {@code value} rendered as JSON (Jackson trees, lists, strings, numbers). */
  static ApiResponse ok(Object value) {
    try {
      return new ApiResponse(200, JsonViews.MAPPER.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render response " + value, e);
    }
  }

  /** A 200 whose body is the given text as is (GET .../schema returns the schema itself). */
  static ApiResponse raw(String text) {
    return new ApiResponse(200, text);
  }

  static ApiResponse error(RegistryException e) {
    return new ApiResponse(
        e.httpStatus(),
        JsonViews.MAPPER
            .createObjectNode()
            .put("error_code", e.errorCode())
            .put("message", e.getMessage())
            .toString());
  }
}
