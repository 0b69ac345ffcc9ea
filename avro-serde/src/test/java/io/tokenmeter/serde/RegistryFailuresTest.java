package io.tokenmeter.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.registry.IncompatibleSchemaException;
import io.tokenmeter.registry.RegistryUnavailableException;
import io.tokenmeter.registry.SchemaNotFoundException;
import io.tokenmeter.registry.SchemaRegistryException;
import io.tokenmeter.registry.SubjectNotFoundException;
import org.junit.jupiter.api.Test;

class RegistryFailuresTest {

  @Test
  void shouldMapEachRegistryOutcomeToItsFailureKind() {
    assertThat(kind(new IncompatibleSchemaException("no", 40901), SerdeFailure.UNKNOWN_SCHEMA_ID))
        .isEqualTo(SerdeFailure.INCOMPATIBLE_SCHEMA);
    assertThat(
            kind(
                new RegistryUnavailableException("down", 503, 50003),
                SerdeFailure.UNKNOWN_SCHEMA_ID))
        .isEqualTo(SerdeFailure.REGISTRY_UNAVAILABLE);
    assertThat(kind(new SchemaNotFoundException("gone"), SerdeFailure.UNKNOWN_SCHEMA_ID))
        .isEqualTo(SerdeFailure.UNKNOWN_SCHEMA_ID);
    assertThat(kind(new SubjectNotFoundException("gone"), SerdeFailure.SCHEMA_NOT_REGISTERED))
        .isEqualTo(SerdeFailure.SCHEMA_NOT_REGISTERED);
    assertThat(
            kind(
                new SchemaRegistryException("Unauthorized", 401, 401),
                SerdeFailure.UNKNOWN_SCHEMA_ID))
        .isEqualTo(SerdeFailure.REGISTRY_ERROR);
  }

  @Test
  void shouldKeepTheRegistryMessageAndCause() {
    SchemaRegistryException cause = new SchemaRegistryException("HTTP 401: Unauthorized", 401, 401);

    AvroSerdeException e =
        RegistryFailures.translate(cause, SerdeFailure.UNKNOWN_SCHEMA_ID, "schema id 5");

    assertThat(e).hasMessage("REGISTRY_ERROR: schema id 5: HTTP 401: Unauthorized").hasCause(cause);
  }

  private static SerdeFailure kind(SchemaRegistryException e, SerdeFailure notFound) {
    return RegistryFailures.translate(e, notFound, "context").failure();
  }
}
