package io.tokenmeter.registry;

/** The subject has no (live) versions. Confluent error code 40401. */
public class SubjectNotFoundException extends RegistryNotFoundException {
  private static final long serialVersionUID = 1L;

  /** The registry's error code for this condition. */
  public static final int ERROR_CODE = 40401;

  public SubjectNotFoundException(String message) {
    super(message, ERROR_CODE);
  }

  public SubjectNotFoundException(String message, int errorCode) {
    super(message, errorCode);
  }
}
