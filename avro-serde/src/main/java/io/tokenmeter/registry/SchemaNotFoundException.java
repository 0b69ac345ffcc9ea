package io.tokenmeter.registry;

/**
 * No schema with this id, or the schema is not registered under the subject. Confluent error code
 * 40403.
 */
public class SchemaNotFoundException extends RegistryNotFoundException {
  private static final long serialVersionUID = 1L;

  /** The registry's error code for this condition. */
  public static final int ERROR_CODE = 40403;

  public SchemaNotFoundException(String message) {
    super(message, ERROR_CODE);
  }

  public SchemaNotFoundException(String message, int errorCode) {
    super(message, errorCode);
  }
}
