package io.tokenmeter.devregistry;

import static io.tokenmeter.devregistry.RegistryHttp.quoted;
import static io.tokenmeter.devregistry.RegistryHttp.schemaBody;
import static io.tokenmeter.devregistry.TestSchemas.USAGE_V1;
import static io.tokenmeter.devregistry.TestSchemas.USAGE_V2;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.devregistry.RegistryHttp.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Confluent's soft-then-permanent deletion state machine, over real HTTP. */
class DeletionIT {
  private DevRegistry registry;
  private RegistryHttp http;

  @BeforeEach
  void start() {
    registry = DevRegistry.start(DevRegistryConfig.builder().build());
    http = new RegistryHttp(registry.url());
    http.register("usage-value", USAGE_V1);
    http.register("usage-value", USAGE_V2);
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  private static void assertReply(Reply reply, int status, String body) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.body()).isEqualTo(body);
  }

  @Test
  void shouldSoftDeleteAVersionButKeepItsIdResolvable() {
    assertReply(http.delete("/subjects/usage-value/versions/1"), 200, "1");
    assertReply(http.get("/subjects/usage-value/versions"), 200, "[2]");
    assertReply(http.get("/subjects/usage-value/versions?deleted=true"), 200, "[1,2]");
    assertReply(http.get("/subjects/usage-value/versions?deletedAsNegative=true"), 200, "[-1,2]");
    assertThat(http.get("/subjects/usage-value/versions/1").status()).isEqualTo(404);
    assertThat(http.get("/subjects/usage-value/versions/1?deleted=true").status()).isEqualTo(200);
    assertReply(
        http.get("/schemas/ids/1"),
        200,
        "{\"schemaType\":\"AVRO\",\"schema\":" + quoted(USAGE_V1) + "}");
    assertReply(http.get("/schemas/ids/1/versions"), 200, "[]");
    assertReply(
        http.get("/schemas/ids/1/versions?deleted=true"),
        200,
        "[{\"subject\":\"usage-value\",\"version\":1}]");
    assertThat(http.post("/subjects/usage-value", schemaBody(USAGE_V1)).status()).isEqualTo(404);
    assertThat(http.post("/subjects/usage-value?deleted=true", schemaBody(USAGE_V1)).status())
        .isEqualTo(200);
    assertReply(
        http.delete("/subjects/usage-value/versions/1"),
        404,
        "{\"error_code\":40406,\"message\":\"Subject 'usage-value' Version 1 was soft deleted."
            + " Set permanent=true to delete permanently\"}");
  }

  @Test
  void shouldRequireASoftDeleteBeforeAPermanentOne() {
    assertReply(
        http.delete("/subjects/usage-value/versions/2?permanent=true"),
        404,
        "{\"error_code\":40407,\"message\":\"Subject 'usage-value' Version 2 was not deleted first"
            + " before being permanently deleted\"}");
    assertReply(
        http.delete("/subjects/usage-value?permanent=true"),
        404,
        "{\"error_code\":40405,\"message\":\"Subject 'usage-value' was not deleted first before"
            + " being permanently deleted\"}");
    assertReply(http.delete("/subjects/usage-value/versions/2"), 200, "2");
    assertReply(http.delete("/subjects/usage-value/versions/2?permanent=true"), 200, "2");
    assertReply(http.get("/subjects/usage-value/versions?deleted=true"), 200, "[1]");
    // The permanently deleted schema is gone; its id is not handed out again.
    assertThat(http.get("/schemas/ids/2").status()).isEqualTo(404);
    assertReply(http.register("usage-value", USAGE_V2), 200, "{\"id\":3}");
    assertReply(http.get("/subjects/usage-value/versions"), 200, "[1,2]");
  }

  @Test
  void shouldSoftThenPermanentlyDeleteASubject() {
    http.put("/config/usage-value", "{\"compatibility\":\"FULL\"}");
    assertReply(http.delete("/subjects/usage-value"), 200, "[1,2]");
    assertReply(http.get("/subjects"), 200, "[]");
    assertReply(http.get("/subjects?deleted=true"), 200, "[\"usage-value\"]");
    assertReply(http.get("/subjects?deletedOnly=true"), 200, "[\"usage-value\"]");
    assertReply(
        http.delete("/subjects/usage-value"),
        404,
        "{\"error_code\":40404,\"message\":\"Subject 'usage-value' was soft deleted. Set"
            + " permanent=true to delete permanently\"}");
    // A soft delete keeps the subject's config (Confluent).
    assertReply(http.get("/config/usage-value"), 200, "{\"compatibilityLevel\":\"FULL\"}");
    assertReply(http.delete("/subjects/usage-value?permanent=true"), 200, "[1,2]");
    assertReply(
        http.get("/subjects/usage-value/versions?deleted=true"),
        404,
        "{\"error_code\":40401,\"message\":\"Subject 'usage-value' not found.\"}");
    assertThat(http.get("/config/usage-value").status()).isEqualTo(404);
    assertReply(
        http.delete("/subjects/usage-value"),
        404,
        "{\"error_code\":40401,\"message\":\"Subject 'usage-value' not found.\"}");
  }

  @Test
  void shouldReuseTheIdWhenASoftDeletedSchemaIsRegisteredAgain() {
    http.delete("/subjects/usage-value/versions/2");
    assertReply(http.register("usage-value", USAGE_V2), 200, "{\"id\":2}");
    // Version 3 reuses id 2; the soft-deleted version 2 with that id is dropped (Confluent).
    assertReply(http.get("/subjects/usage-value/versions?deleted=true"), 200, "[1,3]");
    assertReply(
        http.get("/schemas/ids/2/versions"), 200, "[{\"subject\":\"usage-value\",\"version\":3}]");
  }
}
