package io.tokenmeter.registry;

/**
 * The registry could not be reached, or kept answering with a retriable status (408, 429, 500, 502,
 * 503, 504), on every configured URL after all retries.
 */
public class RegistryUnavailableException extends SchemaRegistryException {
  private static final long serialVersionUID = 1L;

  public RegistryUnavailableException(String message, int httpStatus, int errorCode) {
    super(message, httpStatus, errorCode);
  }

  public RegistryUnavailableException(String message, Throwable cause) {
    super(message, NO_STATUS, NO_STATUS, cause);
  }
}
