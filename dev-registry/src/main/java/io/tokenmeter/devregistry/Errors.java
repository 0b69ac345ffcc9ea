package io.tokenmeter.devregistry;

/**
 * Factory for every error the dev registry answers with, using Confluent Schema Registry's HTTP
 * statuses, error codes and (where clients might show them to people) similar messages.
 */
final class Errors {
  static final int SUBJECT_NOT_FOUND = 40401;
  static final int VERSION_NOT_FOUND = 40402;
  static final int SCHEMA_NOT_FOUND = 40403;
  static final int SUBJECT_SOFT_DELETED = 40404;
  static final int SUBJECT_NOT_SOFT_DELETED = 40405;
  static final int VERSION_SOFT_DELETED = 40406;
  static final int VERSION_NOT_SOFT_DELETED = 40407;
  static final int SUBJECT_HAS_NO_CONFIG = 40408;
  static final int INVALID_SCHEMA = 42201;
  static final int INVALID_VERSION = 42202;
  static final int INVALID_COMPATIBILITY_LEVEL = 42203;
  static final int OPERATION_NOT_PERMITTED = 42205;
  static final int REFERENCE_EXISTS = 42206;
  static final int BACKEND_STORE_ERROR = 50001;

  private Errors() {}

  static RegistryException subjectNotFound(String subject) {
    return new RegistryException(404, SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
  }

  static RegistryException versionNotFound(String subject, Object version) {
    return new RegistryException(
        404, VERSION_NOT_FOUND, "Version " + version + " not found for subject '" + subject + "'.");
  }

  static RegistryException schemaNotFound(String what) {
    return new RegistryException(404, SCHEMA_NOT_FOUND, what + " not found");
  }

  static RegistryException subjectSoftDeleted(String subject) {
    return new RegistryException(
        404,
        SUBJECT_SOFT_DELETED,
        "Subject '" + subject + "' was soft deleted. Set permanent=true to delete permanently");
  }

  static RegistryException subjectNotSoftDeleted(String subject) {
    return new RegistryException(
        404,
        SUBJECT_NOT_SOFT_DELETED,
        "Subject '" + subject + "' was not deleted first before being permanently deleted");
  }

  static RegistryException versionSoftDeleted(String subject, int version) {
    return new RegistryException(
        404,
        VERSION_SOFT_DELETED,
        "Subject '"
            + subject
            + "' Version "
            + version
            + " was soft deleted. Set permanent=true to delete permanently");
  }

  static RegistryException versionNotSoftDeleted(String subject, int version) {
    return new RegistryException(
        404,
        VERSION_NOT_SOFT_DELETED,
        "Subject '"
            + subject
            + "' Version "
            + version
            + " was not deleted first before being permanently deleted");
  }

  static RegistryException subjectHasNoConfig(String subject) {
    return new RegistryException(
        404, SUBJECT_HAS_NO_CONFIG, "Subject '" + subject + "' does not have subject-level config");
  }

  static RegistryException invalidSchema(String detail) {
    return new RegistryException(422, INVALID_SCHEMA, "Invalid schema: " + detail);
  }

  static RegistryException invalidVersion(String version) {
    return new RegistryException(
        422,
        INVALID_VERSION,
        "The specified version '"
            + version
            + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string"
            + " \"latest\"");
  }

  static RegistryException invalidCompatibilityLevel(String level) {
    return new RegistryException(
        422,
        INVALID_COMPATIBILITY_LEVEL,
        "Invalid compatibility level '"
            + level
            + "'. Valid values are: "
            + CompatibilityLevel.validNames());
  }

  static RegistryException operationNotPermitted(String detail) {
    return new RegistryException(422, OPERATION_NOT_PERMITTED, detail);
  }

  static RegistryException referenceExists(String subject, int version) {
    return new RegistryException(
        422,
        REFERENCE_EXISTS,
        "One or more references exist to the schema {subject="
            + subject
            + ",version="
            + version
            + "}");
  }

  static RegistryException incompatible(int errorCode, String detail) {
    return new RegistryException(409, errorCode, detail);
  }

  static RegistryException storeError(String detail) {
    return new RegistryException(
        500, BACKEND_STORE_ERROR, "Error in the backend data store: " + detail);
  }

  /** Framework-style errors (unknown route, wrong method, bad JSON) reuse the HTTP status. */
  static RegistryException http(int status, String reason) {
    return new RegistryException(status, status, "HTTP " + status + " " + reason);
  }
}
