package io.tokenmeter.serde;

import io.tokenmeter.registry.IncompatibleSchemaException;
import io.tokenmeter.registry.RegistryNotFoundException;
import io.tokenmeter.registry.RegistryUnavailableException;
import io.tokenmeter.registry.SchemaRegistryException;

/** Maps registry exceptions to serde failure kinds in one place. */
final class RegistryFailures {
  private RegistryFailures() {}

  /**
   * @param notFound the kind a "not found" answer means in this call
   */
  static AvroSerdeException translate(
      SchemaRegistryException e, SerdeFailure notFound, String context) {
    if (e instanceof IncompatibleSchemaException) {
      return new AvroSerdeException(
          SerdeFailure.INCOMPATIBLE_SCHEMA,
          context
              + ": rejected by the registry as incompatible (HTTP 409, error_code "
              + e.errorCode()
              + "): "
              + e.getMessage(),
          e);
    }
    SerdeFailure failure;
    if (e instanceof RegistryUnavailableException) {
      failure = SerdeFailure.REGISTRY_UNAVAILABLE;
    } else if (e instanceof RegistryNotFoundException) {
      failure = notFound;
    } else {
      failure = SerdeFailure.REGISTRY_ERROR;
    }
    return new AvroSerdeException(failure, context + ": " + e.getMessage(), e);
  }
}
