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
    SerdeFailure failure;
    if (e instanceof IncompatibleSchemaException) {
      failure = SerdeFailure.INCOMPATIBLE_SCHEMA;
    } else if (e instanceof RegistryUnavailableException) {
      failure = SerdeFailure.REGISTRY_UNAVAILABLE;
    } else if (e instanceof RegistryNotFoundException) {
      failure = notFound;
    } else {
      failure = SerdeFailure.REGISTRY_ERROR;
    }
    return new AvroSerdeException(failure, context + ": " + e.getMessage(), e);
  }
}
