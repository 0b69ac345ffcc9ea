package io.tokenmeter.serde;

/**
 * Why a record could not be serialized or deserialized. Stream processors route dead letters by
 * this value, so each kind names one cause a person can act on.
 */
public enum SerdeFailure {
  /** The payload does not start with the Confluent magic byte 0. */
  BAD_MAGIC_BYTE,
  /** The schema id in the payload is not known to the registry. */
  UNKNOWN_SCHEMA_ID,
  /** The payload ends before the 5-byte header or before the Avro datum is complete. */
  TRUNCATED,
  /** The Avro body cannot be decoded (or encoded) with the schema. */
  MALFORMED_AVRO,
  /** The registry could not be reached, or kept failing, after retries. */
  REGISTRY_UNAVAILABLE,
  /**
   * The registry rejected the schema as incompatible (HTTP 409), or the writer schema of a record
   * cannot be read with the configured reader schema.
   */
  INCOMPATIBLE_SCHEMA,
  /** auto.register.schemas is off and the schema is not registered under the subject. */
  SCHEMA_NOT_REGISTERED,
  /** The registry refused the request for another reason (auth, invalid schema, ...). */
  REGISTRY_ERROR,
  /** The value has no Avro schema, or the reader class cannot be found or used. */
  UNSUPPORTED_TYPE
}
