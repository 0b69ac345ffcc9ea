package io.tokenmeter.devregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** A parsed HTTP request as the routes see it: decoded path parameters, query and body. */
record ApiRequest(List<String> pathParams, Map<String, String> query, byte[] body) {
  String pathParam(int index) {
    return pathParams.get(index);
  }

  String param(String name) {
    return query.get(name);
  }

  /** Query booleans are parsed case-insensitively: the Python client sends "True"/"False". */
  boolean flag(String name) {
    return "true".equalsIgnoreCase(query.get(name));
  }

  /** The body as JSON; an empty body is a missing node, malformed JSON a 400 (as in Confluent). */
  JsonNode json() {
    if (body.length == 0) {
      return MissingNode.getInstance();
    }
    try {
      return JsonViews.MAPPER.readTree(body);
    } catch (IOException e) {
      throw new RegistryException(
          400, 400, "Malformed JSON in the request body: " + e.getMessage());
    }
  }

  /** A path parameter that must be an int; anything else is an unknown route (as in Jersey). */
  int intPathParam(int index) {
    try {
      return Integer.parseInt(pathParams.get(index));
    } catch (NumberFormatException e) {
      throw Errors.http(404, "Not Found");
    }
  }
}
