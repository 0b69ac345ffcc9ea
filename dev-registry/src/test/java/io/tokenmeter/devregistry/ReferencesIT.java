package io.tokenmeter.devregistry;

import static io.tokenmeter.devregistry.RegistryHttp.quoted;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.devregistry.RegistryHttp.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Schemas that use a type registered under another subject (Confluent schema references). */
class ReferencesIT {
  private static final String ORDER =
      "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"test.tokenmeter\",\"fields\":["
          + "{\"name\":\"price\",\"type\":\"test.tokenmeter.Price\"}]}";

  /** Avro renders a type of the same namespace by its short name. */
  private static final String ORDER_CANONICAL =
      ORDER.replace("\"type\":\"test.tokenmeter.Price\"", "\"type\":\"Price\"");

  private static final String REFERENCES =
      "[{\"name\":\"test.tokenmeter.Price\",\"subject\":\"price-value\",\"version\":1}]";

  private DevRegistry registry;
  private RegistryHttp http;

  @BeforeEach
  void start() {
    registry = DevRegistry.start(DevRegistryConfig.builder().build());
    http = new RegistryHttp(registry.url());
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  @Test
  void shouldRegisterAndServeASchemaWithReferences() {
    http.register("price-value", TestSchemas.PRICE);
    String body = "{\"schema\":" + quoted(ORDER) + ",\"references\":" + REFERENCES + "}";
    assertThat(http.post("/subjects/order-value/versions", body).body()).isEqualTo("{\"id\":2}");
    assertThat(http.post("/subjects/order-value/versions", body).body()).isEqualTo("{\"id\":2}");
    assertThat(http.get("/schemas/ids/2").body())
        .isEqualTo(
            "{\"schemaType\":\"AVRO\",\"schema\":"
                + quoted(ORDER_CANONICAL)
                + ",\"references\":"
                + REFERENCES
                + "}");
    // The referenced version cannot be deleted while something uses it.
    Reply blocked = http.delete("/subjects/price-value/versions/1");
    assertThat(blocked.status()).isEqualTo(422);
    assertThat(blocked.body()).startsWith("{\"error_code\":42206,");
  }

  @Test
  void shouldRejectUnresolvableReferencesAsInvalidSchema() {
    String body = "{\"schema\":" + quoted(ORDER) + ",\"references\":" + REFERENCES + "}";
    Reply reply = http.post("/subjects/order-value/versions", body);
    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.body()).startsWith("{\"error_code\":42201,").contains("price-value");
    Reply withoutReferences = http.register("order-value", ORDER);
    assertThat(withoutReferences.status()).isEqualTo(422);
    assertThat(withoutReferences.body()).startsWith("{\"error_code\":42201,");
  }
}
