package io.tokenmeter.devregistry;

import java.util.List;

/** Subjects and their versions: list, register, get, look up and delete. */
final class SubjectRoutes {
  private final RegistryStore store;
  private final int incompatibleErrorCode;

  SubjectRoutes(RegistryStore store, int incompatibleErrorCode) {
    this.store = store;
    this.incompatibleErrorCode = incompatibleErrorCode;
  }

  void addTo(Router router) {
    router
        .add("GET", "/subjects", this::listSubjects)
        .add("POST", "/subjects/{}", this::lookup)
        .add("DELETE", "/subjects/{}", this::deleteSubject)
        .add("GET", "/subjects/{}/versions", this::listVersions)
        .add("POST", "/subjects/{}/versions", this::register)
        .add("GET", "/subjects/{}/versions/{}", this::getVersion)
        .add("DELETE", "/subjects/{}/versions/{}", this::deleteVersion)
        .add("GET", "/subjects/{}/versions/{}/schema", this::getRawSchema);
  }

  private ApiResponse listSubjects(ApiRequest request) {
    return ApiResponse.ok(
        store.read(
            state ->
                SubjectQueries.subjects(
                    state,
                    request.param("subjectPrefix"),
                    request.flag("deleted"),
                    request.flag("deletedOnly"))));
  }

  private ApiResponse register(ApiRequest request) {
    String subject = request.pathParam(0);
    SchemaRequest body = JsonViews.schemaRequest(request.json());
    int id =
        store.write(
            state -> SchemaOperations.register(state, subject, body, incompatibleErrorCode));
    return ApiResponse.ok(JsonViews.MAPPER.createObjectNode().put("id", id));
  }

  private ApiResponse lookup(ApiRequest request) {
    String subject = request.pathParam(0);
    SchemaRequest body = JsonViews.schemaRequest(request.json());
    StoredVersion found =
        store.read(state -> SchemaOperations.lookup(state, subject, body, request.flag("deleted")));
    return ApiResponse.ok(JsonViews.version(found));
  }

  private ApiResponse listVersions(ApiRequest request) {
    String subject = request.pathParam(0);
    boolean deletedAsNegative = request.flag("deletedAsNegative");
    List<SubjectVersion> versions =
        store.read(
            state ->
                SubjectQueries.versions(
                    state,
                    subject,
                    request.flag("deleted") || deletedAsNegative,
                    request.flag("deletedOnly")));
    return ApiResponse.ok(
        versions.stream()
            .map(v -> deletedAsNegative && v.deleted() ? -v.version() : v.version())
            .toList());
  }

  private ApiResponse getVersion(ApiRequest request) {
    return ApiResponse.ok(JsonViews.version(storedVersion(request)));
  }

  private ApiResponse getRawSchema(ApiRequest request) {
    return ApiResponse.raw(storedVersion(request).schema().canonical());
  }

  private StoredVersion storedVersion(ApiRequest request) {
    String subject = request.pathParam(0);
    VersionId version = VersionId.parse(request.pathParam(1));
    return store.read(
        state -> SubjectQueries.version(state, subject, version, request.flag("deleted")));
  }

  private ApiResponse deleteSubject(ApiRequest request) {
    String subject = request.pathParam(0);
    boolean permanent = request.flag("permanent");
    return ApiResponse.ok(
        store.write(state -> DeleteOperations.deleteSubject(state, subject, permanent)));
  }

  private ApiResponse deleteVersion(ApiRequest request) {
    String subject = request.pathParam(0);
    VersionId version = VersionId.parse(request.pathParam(1));
    boolean permanent = request.flag("permanent");
    return ApiResponse.ok(
        store.write(state -> DeleteOperations.deleteVersion(state, subject, version, permanent)));
  }
}
