package io.tokenmeter.devregistry;

import io.tokenmeter.devregistry.AvroSchemaParser.ParsedSchema;
import io.tokenmeter.devregistry.CompatibilityChecker.VersionedSchema;
import io.tokenmeter.devregistry.RegistryEvent.SchemaRegistered;
import io.tokenmeter.devregistry.RegistryEvent.VersionHardDeleted;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Register, look up and compatibility-test schemas under a subject (Confluent semantics). */
final class SchemaOperations {
  private SchemaOperations() {}

  /**
   * Registers the schema under the subject and returns its id. The same schema already live in the
   * subject returns the existing id and changes nothing; a schema known elsewhere (another subject,
   * or a soft-deleted version here) gets a new version that reuses its id.
   */
  static Change<Integer> register(
      RegistryState state, String subject, SchemaRequest request, int incompatibleErrorCode) {
    requireAvro(request);
    // Some clients send -1 / 0 as "not set"; only a real id asks for IMPORT behaviour.
    if (request.id() != null && request.id() >= 0) {
      throw Errors.operationNotPermitted(
          "A schema id can only be given in IMPORT mode, which the dev registry does not have;"
              + " leave 'id' out of the request");
    }
    ParsedSchema parsed = state.parser().parse(request.schema(), request.references());
    Optional<Integer> knownId = state.idFor(parsed.key());
    List<SubjectVersion> all = state.versions(subject);
    for (SubjectVersion existing : all) {
      if (!existing.deleted() && knownId.isPresent() && existing.schemaId() == knownId.get()) {
        return Change.none(existing.schemaId());
      }
    }
    int nextVersion = all.isEmpty() ? 1 : all.get(all.size() - 1).version() + 1;
    if (request.version() != null && request.version() > 0 && request.version() != nextVersion) {
      throw Errors.invalidSchema(
          "version "
              + request.version()
              + " was requested but the next version of subject '"
              + subject
              + "' is "
              + nextVersion
              + "; leave 'version' out of the request");
    }
    List<String> problems =
        CompatibilityChecker.check(
            parsed.avro(),
            earlierSchemas(state, state.liveVersions(subject)),
            state.effectiveLevel(subject));
    if (!problems.isEmpty()) {
      throw Errors.incompatible(
          incompatibleErrorCode,
          "Schema being registered is incompatible with an earlier schema for subject \""
              + subject
              + "\", details: "
              + problems);
    }
    int id = knownId.orElse(state.maxId() + 1);
    List<RegistryEvent> events = new ArrayList<>();
    events.add(
        new SchemaRegistered(
            subject, nextVersion, id, parsed.key().canonical(), request.references()));
    // Like Confluent: older soft-deleted versions with the same id are dropped, so the subject's
    // history does not show one schema twice.
    for (SubjectVersion existing : all) {
      if (existing.deleted()
          && existing.schemaId() == id
          && !state.isReferenced(subject, existing.version())) {
        events.add(new VersionHardDeleted(subject, existing.version()));
      }
    }
    return new Change<>(events, id);
  }

  /** Finds the newest version of the subject holding this schema (POST /subjects/{s}). */
  static StoredVersion lookup(
      RegistryState state, String subject, SchemaRequest request, boolean includeDeleted) {
    requireAvro(request);
    List<SubjectVersion> candidates =
        includeDeleted ? state.versions(subject) : state.liveVersions(subject);
    if (candidates.isEmpty()) {
      throw Errors.subjectNotFound(subject);
    }
    ParsedSchema parsed = state.parser().parse(request.schema(), request.references());
    Optional<Integer> id = state.idFor(parsed.key());
    for (SubjectVersion candidate : candidates.reversed()) {
      if (id.isPresent() && candidate.schemaId() == id.get()) {
        return new StoredVersion(candidate, state.schema(id.get()).orElseThrow());
      }
    }
    throw Errors.schemaNotFound("Schema");
  }

  /**
   * Tests the schema against one version ({@code version} given) or against what registering it
   * would check ({@code version} null). Returns the incompatibilities; empty means compatible.
   */
  static List<String> testCompatibility(
      RegistryState state, String subject, SchemaRequest request, VersionId version) {
    requireAvro(request);
    ParsedSchema parsed = state.parser().parse(request.schema(), request.references());
    List<SubjectVersion> live = state.liveVersions(subject);
    List<SubjectVersion> against;
    if (version == null) {
      against = live;
    } else if (version.isLatest()) {
      // Confluent: "latest" of an empty or unknown subject is trivially compatible.
      against = live.isEmpty() ? List.of() : List.of(live.get(live.size() - 1));
    } else {
      against =
          List.of(
              live.stream()
                  .filter(v -> v.version() == version.number())
                  .findFirst()
                  .orElseThrow(() -> Errors.versionNotFound(subject, version)));
    }
    return CompatibilityChecker.check(
        parsed.avro(), earlierSchemas(state, against), state.effectiveLevel(subject));
  }

  private static List<VersionedSchema> earlierSchemas(
      RegistryState state, List<SubjectVersion> versions) {
    return versions.stream()
        .map(
            v ->
                new VersionedSchema(
                    state.schema(v.schemaId()).orElseThrow().avro(), "version " + v.version()))
        .toList();
  }

  private static void requireAvro(SchemaRequest request) {
    if (!SchemaRequest.AVRO.equals(request.schemaType())) {
      throw Errors.invalidSchema(
          "schema type "
              + request.schemaType()
              + " is not supported by the dev registry;"
              + " only AVRO is");
    }
  }
}
