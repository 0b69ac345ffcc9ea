package io.tokenmeter.devregistry;

import static io.tokenmeter.devregistry.RegistryHttp.quoted;
import static io.tokenmeter.devregistry.RegistryHttp.schemaBody;
import static io.tokenmeter.devregistry.TestSchemas.PRICE;
import static io.tokenmeter.devregistry.TestSchemas.USAGE_V1;
import static io.tokenmeter.devregistry.TestSchemas.USAGE_V1_PRETTY;
import static io.tokenmeter.devregistry.TestSchemas.USAGE_V2;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.devregistry.RegistryHttp.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Registration, ids, versions and lookup over real HTTP, compared as exact JSON text. */
class SubjectsAndSchemasIT {
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

  private static void assertReply(Reply reply, int status, String body) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.body()).isEqualTo(body);
    assertThat(reply.contentType()).isEqualTo(RegistryHttp.V1_JSON);
  }

  @Test
  void shouldAnswerRootAndSchemaTypes() {
    assertThat(registry.url()).isEqualTo("http://127.0.0.1:" + registry.port());
    assertReply(http.get("/"), 200, "{}");
    assertReply(http.get("/schemas/types"), 200, "[\"AVRO\"]");
  }

  @Test
  void shouldRegisterAndReadBackBySubjectVersionAndId() {
    assertReply(http.register("usage-value", USAGE_V1), 200, "{\"id\":1}");
    String v1 =
        "{\"subject\":\"usage-value\",\"version\":1,\"id\":1,\"schemaType\":\"AVRO\",\"schema\":"
            + quoted(USAGE_V1)
            + "}";
    assertReply(http.get("/subjects/usage-value/versions/1"), 200, v1);
    assertReply(http.get("/subjects/usage-value/versions/latest"), 200, v1);
    assertReply(http.get("/subjects/usage-value/versions/-1"), 200, v1);
    assertReply(
        http.get("/schemas/ids/1"),
        200,
        "{\"schemaType\":\"AVRO\",\"schema\":" + quoted(USAGE_V1) + "}");
    assertReply(
        http.get("/schemas/ids/1?fetchMaxId=true&subject=whatever"),
        200,
        "{\"schemaType\":\"AVRO\",\"schema\":" + quoted(USAGE_V1) + ",\"maxId\":1}");
    assertReply(http.get("/schemas/ids/1/schema"), 200, USAGE_V1);
    assertReply(http.get("/subjects/usage-value/versions/1/schema"), 200, USAGE_V1);
    assertReply(http.get("/subjects"), 200, "[\"usage-value\"]");
  }

  @Test
  void shouldBeIdempotentAndIgnoreFormattingOfTheSameSchema() {
    assertReply(http.register("usage-value", USAGE_V1), 200, "{\"id\":1}");
    assertReply(http.register("usage-value", USAGE_V1), 200, "{\"id\":1}");
    assertReply(http.register("usage-value", USAGE_V1_PRETTY), 200, "{\"id\":1}");
    assertReply(http.get("/subjects/usage-value/versions"), 200, "[1]");
  }

  @Test
  void shouldReuseTheIdOfTheSameSchemaAcrossSubjects() {
    assertReply(http.register("usage-value", USAGE_V1), 200, "{\"id\":1}");
    assertReply(http.register("price-value", PRICE), 200, "{\"id\":2}");
    // audit-value holds unrelated record types, so it needs no compatibility between them.
    http.put("/config/audit-value", "{\"compatibility\":\"NONE\"}");
    assertReply(http.register("audit-value", PRICE), 200, "{\"id\":2}");
    assertReply(http.register("audit-value", USAGE_V1), 200, "{\"id\":1}");
    assertReply(
        http.get("/subjects/audit-value/versions/2"),
        200,
        "{\"subject\":\"audit-value\",\"version\":2,\"id\":1,\"schemaType\":\"AVRO\",\"schema\":"
            + quoted(USAGE_V1)
            + "}");
    assertReply(
        http.get("/schemas/ids/2/versions"),
        200,
        "[{\"subject\":\"audit-value\",\"version\":1},{\"subject\":\"price-value\",\"version\":1}]");
    assertReply(http.get("/schemas/ids/1/subjects"), 200, "[\"audit-value\",\"usage-value\"]");
    assertReply(http.get("/subjects"), 200, "[\"audit-value\",\"price-value\",\"usage-value\"]");
    assertReply(http.get("/subjects?subjectPrefix=p"), 200, "[\"price-value\"]");
  }

  @Test
  void shouldNumberVersionsAndServeLatest() {
    http.register("usage-value", USAGE_V1);
    assertReply(http.register("usage-value", USAGE_V2), 200, "{\"id\":2}");
    assertReply(http.get("/subjects/usage-value/versions"), 200, "[1,2]");
    assertReply(
        http.get("/subjects/usage-value/versions/latest"),
        200,
        "{\"subject\":\"usage-value\",\"version\":2,\"id\":2,\"schemaType\":\"AVRO\",\"schema\":"
            + quoted(USAGE_V2)
            + "}");
    // Re-registering an older live version is still idempotent (no version 3).
    assertReply(http.register("usage-value", USAGE_V1), 200, "{\"id\":1}");
    assertReply(http.get("/subjects/usage-value/versions"), 200, "[1,2]");
  }

  @Test
  void shouldLookUpARegisteredSchemaUnderASubject() {
    http.register("usage-value", USAGE_V1);
    http.register("usage-value", USAGE_V2);
    assertReply(
        http.post("/subjects/usage-value", schemaBody(USAGE_V1_PRETTY)),
        200,
        "{\"subject\":\"usage-value\",\"version\":1,\"id\":1,\"schemaType\":\"AVRO\",\"schema\":"
            + quoted(USAGE_V1)
            + "}");
    assertReply(
        http.post("/subjects/usage-value", schemaBody(PRICE)),
        404,
        "{\"error_code\":40403,\"message\":\"Schema not found\"}");
    assertReply(
        http.post("/subjects/nobody-value", schemaBody(USAGE_V1)),
        404,
        "{\"error_code\":40401,\"message\":\"Subject 'nobody-value' not found.\"}");
  }

  @Test
  void shouldAnswerNotFoundErrorsWithConfluentCodes() {
    http.register("usage-value", USAGE_V1);
    assertReply(
        http.get("/subjects/other/versions"),
        404,
        "{\"error_code\":40401,\"message\":\"Subject 'other' not found.\"}");
    assertReply(
        http.get("/subjects/usage-value/versions/7"),
        404,
        "{\"error_code\":40402,\"message\":\"Version 7 not found for subject 'usage-value'.\"}");
    assertReply(
        http.get("/schemas/ids/99"),
        404,
        "{\"error_code\":40403,\"message\":\"Schema 99 not found\"}");
    assertReply(
        http.get("/schemas/ids/99/versions"),
        404,
        "{\"error_code\":40403,\"message\":\"Schema 99 not found\"}");
  }

  @Test
  void shouldRejectInvalidVersionsSchemasAndTypes() {
    http.register("usage-value", USAGE_V1);
    for (String bad : new String[] {"0", "-2", "abc"}) {
      Reply reply = http.get("/subjects/usage-value/versions/" + bad);
      assertThat(reply.status()).isEqualTo(422);
      assertThat(reply.body()).startsWith("{\"error_code\":42202,");
    }
    Reply invalid = http.register("usage-value", "{\"type\":\"record\",\"name\":\"X\"}");
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.body()).startsWith("{\"error_code\":42201,\"message\":\"Invalid schema: ");
    Reply json =
        http.post("/subjects/usage-value/versions", "{\"schema\":\"{}\",\"schemaType\":\"JSON\"}");
    assertReply(
        json,
        422,
        "{\"error_code\":42201,\"message\":\"Invalid schema: schema type JSON is not supported by"
            + " the dev registry; only AVRO is\"}");
    Reply withId =
        http.post(
            "/subjects/usage-value/versions", "{\"schema\":" + quoted(USAGE_V2) + ",\"id\":5}");
    assertThat(withId.status()).isEqualTo(422);
    assertThat(withId.body()).startsWith("{\"error_code\":42205,");
    Reply malformed = http.post("/subjects/usage-value/versions", "{not json");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.body()).startsWith("{\"error_code\":400,");
  }

  @Test
  void shouldAnswerUnknownRoutesWithConfluentShaped404() {
    String notFound = "{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}";
    assertReply(http.get("/nope"), 404, notFound);
    assertReply(
        http.get("/associations/resources/default/topic?resourceType=topic"), 404, notFound);
    assertReply(http.get("/schemas/ids/abc"), 404, notFound);
    assertReply(http.get("/mode"), 404, notFound);
    assertReply(
        http.delete("/schemas/types"),
        405,
        "{\"error_code\":405,\"message\":\"HTTP 405 Method Not Allowed\"}");
  }

  @Test
  void shouldAcceptConfluentMediaTypesAndRejectOthers() {
    assertReply(
        http.send("POST", "/subjects/a/versions", schemaBody(USAGE_V1), "application/json"),
        200,
        "{\"id\":1}");
    assertReply(
        http.send("POST", "/subjects/b/versions", schemaBody(USAGE_V1), "application/octet-stream"),
        200,
        "{\"id\":1}");
    assertReply(
        http.send("POST", "/subjects/c/versions", schemaBody(USAGE_V1), null), 200, "{\"id\":1}");
    assertReply(
        http.send("POST", "/subjects/d/versions", schemaBody(USAGE_V1), "text/plain"),
        415,
        "{\"error_code\":415,\"message\":\"HTTP 415 Unsupported Media Type\"}");
  }

  @Test
  void shouldDecodePercentEncodedSubjectsAndTolerateTrailingSlash() {
    assertReply(http.register("a%2Fb+c", USAGE_V1), 200, "{\"id\":1}");
    assertReply(http.get("/subjects"), 200, "[\"a/b+c\"]");
    assertReply(http.get("/subjects/a%2Fb%2Bc/versions/"), 200, "[1]");
  }
}
