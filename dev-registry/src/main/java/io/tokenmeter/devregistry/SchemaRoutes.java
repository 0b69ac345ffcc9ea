package io.tokenmeter.devregistry;

import java.util.List;

/** {@code GET /}, {@code GET /schemas/types} and {@code GET /schemas/ids/{id}[/...]}. */
final class SchemaRoutes {
  private final RegistryStore store;

  SchemaRoutes(RegistryStore store) {
    this.store = store;
  }

  void addTo(Router router) {
    router
        .add("GET", "/", request -> ApiResponse.ok(JsonViews.MAPPER.createObjectNode()))
        // Only the types this registry can actually parse and check are advertised.
        .add("GET", "/schemas/types", request -> ApiResponse.ok(List.of(SchemaRequest.AVRO)))
        .add("GET", "/schemas/ids/{}", this::schemaById)
        .add("GET", "/schemas/ids/{}/schema", this::rawSchemaById)
        .add("GET", "/schemas/ids/{}/versions", this::versionsOfId)
        .add("GET", "/schemas/ids/{}/subjects", this::subjectsOfId);
  }

  /** The {@code subject} query parameter is only a context hint; with one context it is ignored. */
  private ApiResponse schemaById(ApiRequest request) {
    int id = request.intPathParam(0);
    return store.read(
        state -> {
          var body = JsonViews.schema(SubjectQueries.schemaById(state, id));
          if (request.flag("fetchMaxId")) {
            body.put("maxId", state.maxId());
          }
          return ApiResponse.ok(body);
        });
  }

  private ApiResponse rawSchemaById(ApiRequest request) {
    int id = request.intPathParam(0);
    return ApiResponse.raw(store.read(state -> SubjectQueries.schemaById(state, id).canonical()));
  }

  private ApiResponse versionsOfId(ApiRequest request) {
    int id = request.intPathParam(0);
    List<SubjectVersion> versions =
        store.read(state -> SubjectQueries.versionsOfId(state, id, request.flag("deleted")));
    return ApiResponse.ok(versions.stream().map(JsonViews::subjectVersion).toList());
  }

  private ApiResponse subjectsOfId(ApiRequest request) {
    int id = request.intPathParam(0);
    List<SubjectVersion> versions =
        store.read(state -> SubjectQueries.versionsOfId(state, id, request.flag("deleted")));
    return ApiResponse.ok(
        versions.stream().map(SubjectVersion::subject).distinct().sorted().toList());
  }
}
