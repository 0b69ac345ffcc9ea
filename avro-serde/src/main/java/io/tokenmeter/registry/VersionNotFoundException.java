package io.tokenmeter.registry;

/** The subject exists but the requested version does not. Confluent error code 40402. */
public class VersionNotFoundException extends RegistryNotFoundException {
  private static final long serialVersionUID = 1L;

  /** The registry's error code for this condition. */
  public static final int ERROR_CODE = 40402;

  public VersionNotFoundException(String message) {
    super(message, ERROR_CODE);
  }

  public VersionNotFoundException(String message, int errorCode) {
    super(message, errorCode);
  }
}
