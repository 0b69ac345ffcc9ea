package io.tokenmeter.devregistry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** {@code /config[/{s}]} and {@code POST /compatibility/subjects/{s}/versions[/{v}]}. */
final class ConfigAndCompatibilityRoutes {
  private final RegistryStore store;

  ConfigAndCompatibilityRoutes(RegistryStore store) {
    this.store = store;
  }

  void addTo(Router router) {
    router
        .add("GET", "/config", request -> readLevel(store.read(RegistryState::globalLevel)))
        .add("PUT", "/config", request -> setLevel(null, request))
        .add(
            "DELETE",
            "/config",
            request -> readLevel(store.write(ConfigOperations::deleteGlobalLevel)))
        .add("GET", "/config/{}", this::getSubjectLevel)
        .add("PUT", "/config/{}", request -> setLevel(request.pathParam(0), request))
        .add(
            "DELETE",
            "/config/{}",
            request ->
                readLevel(
                    store.write(
                        state -> ConfigOperations.deleteSubjectLevel(state, request.pathParam(0)))))
        .add(
            "POST",
            "/compatibility/subjects/{}/versions",
            request -> testCompatibility(request, null))
        .add(
            "POST",
            "/compatibility/subjects/{}/versions/{}",
            request -> testCompatibility(request, VersionId.parse(request.pathParam(1))));
  }

  private ApiResponse getSubjectLevel(ApiRequest request) {
    String subject = request.pathParam(0);
    boolean defaultToGlobal = request.flag("defaultToGlobal");
    return readLevel(store.read(state -> ConfigOperations.get(state, subject, defaultToGlobal)));
  }

  /**
   * Writes take and echo "compatibility"; reads answer "compatibilityLevel" (Confluent's shape).
   */
  private ApiResponse setLevel(String subject, ApiRequest request) {
    var field = request.json().path("compatibility");
    CompatibilityLevel level =
        CompatibilityLevel.parse(field.isTextual() ? field.textValue() : null);
    store.write(state -> ConfigOperations.set(state, subject, level));
    return ApiResponse.ok(JsonViews.MAPPER.createObjectNode().put("compatibility", level.name()));
  }

  private static ApiResponse readLevel(CompatibilityLevel level) {
    return ApiResponse.ok(
        JsonViews.MAPPER.createObjectNode().put("compatibilityLevel", level.name()));
  }

  private ApiResponse testCompatibility(ApiRequest request, VersionId version) {
    String subject = request.pathParam(0);
    boolean verbose = request.flag("verbose");
    List<String> problems;
    try {
      SchemaRequest body = JsonViews.schemaRequest(request.json());
      problems =
          store.read(state -> SchemaOperations.testCompatibility(state, subject, body, version));
    } catch (RegistryException e) {
      // Confluent reports an unparsable schema as "incompatible" when the caller wants details.
      if (!verbose || e.errorCode() != Errors.INVALID_SCHEMA) {
        throw e;
      }
      problems = List.of(e.getMessage());
    }
    ObjectNode body = JsonViews.MAPPER.createObjectNode().put("is_compatible", problems.isEmpty());
    if (verbose) {
      var messages = body.putArray("messages");
      problems.forEach(messages::add);
    }
    return ApiResponse.ok(body);
  }
}
