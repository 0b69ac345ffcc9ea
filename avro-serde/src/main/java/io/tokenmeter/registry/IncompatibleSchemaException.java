package io.tokenmeter.registry;

/**
 * HTTP 409 on a register or compatibility call: the registry rejected the schema as incompatible
 * with the subject's earlier versions. The error code is 409 on Karapace, Apicurio and Confluent up
 * to 8.0.3/8.1.1, and 40901 on newer Confluent; both mean the same.
 */
public class IncompatibleSchemaException extends SchemaRegistryException {
  private static final long serialVersionUID = 1L;

  /** Current Confluent error code; older registries send the bare status 409. */
  public static final int ERROR_CODE = 40901;

  public IncompatibleSchemaException(String message, int errorCode) {
    super(message, 409, errorCode);
  }
}
