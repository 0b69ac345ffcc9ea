package io.tokenmeter.registry;

/**
 * HTTP 404 with one of the registry's "not found" codes (40401, 40402, 40403). Registries disagree
 * on which of the three they answer in some cases (Apicurio answers 40401 for an unknown id), so
 * callers that only need "absent" catch this base type.
 */
public class RegistryNotFoundException extends SchemaRegistryException {
  private static final long serialVersionUID = 1L;

  public RegistryNotFoundException(String message, int errorCode) {
    super(message, 404, errorCode);
  }
}
