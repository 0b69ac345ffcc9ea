package io.tokenmeter.devregistry;

import static io.tokenmeter.devregistry.RegistryHttp.schemaBody;
import static io.tokenmeter.devregistry.TestSchemas.USAGE_NEW_REQUIRED_FIELD;
import static io.tokenmeter.devregistry.TestSchemas.USAGE_V1;
import static io.tokenmeter.devregistry.TestSchemas.USAGE_V2;
import static io.tokenmeter.devregistry.TestSchemas.USAGE_WITHOUT_TOKENS;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmeter.devregistry.RegistryHttp.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Compatibility levels, the compatibility endpoint and /config, over real HTTP. */
class CompatibilityAndConfigIT {
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
  }

  @Test
  void shouldRejectABackwardIncompatibleRegistrationWith409() {
    http.register("usage-value", USAGE_V1);
    Reply rejected = http.register("usage-value", USAGE_NEW_REQUIRED_FIELD);
    assertThat(rejected.status()).isEqualTo(409);
    assertThat(rejected.body())
        .startsWith(
            "{\"error_code\":409,\"message\":\"Schema being registered is incompatible with an"
                + " earlier schema for subject \\\"usage-value\\\", details: [")
        .contains("READER_FIELD_MISSING_DEFAULT_VALUE", "/fields/2", "cost");
    assertReply(http.get("/subjects/usage-value/versions"), 200, "[1]");
    assertReply(http.register("usage-value", USAGE_V2), 200, "{\"id\":2}");
  }

  @Test
  void shouldAllowRemovingAFieldUnderBackwardButNotUnderForward() {
    // Avro/Confluent semantics: BACKWARD = the new schema reads old data, so dropping a field is
    // fine; FORWARD = old readers read new data, which breaks when a field without default goes.
    http.register("backward-value", USAGE_V1);
    assertReply(http.register("backward-value", USAGE_WITHOUT_TOKENS), 200, "{\"id\":2}");

    assertReply(
        http.put("/config/forward-value", "{\"compatibility\":\"forward\"}"),
        200,
        "{\"compatibility\":\"FORWARD\"}");
    http.register("forward-value", USAGE_V1);
    Reply rejected = http.register("forward-value", USAGE_WITHOUT_TOKENS);
    assertThat(rejected.status()).isEqualTo(409);
    assertThat(rejected.body()).contains("READER_FIELD_MISSING_DEFAULT_VALUE", "tokens");
  }

  @Test
  void shouldUseTheConfiguredIncompatibleErrorCode() {
    try (DevRegistry newer =
        DevRegistry.start(DevRegistryConfig.builder().incompatibleErrorCode(40901).build())) {
      RegistryHttp client = new RegistryHttp(newer.url());
      client.register("usage-value", USAGE_V1);
      Reply rejected = client.register("usage-value", USAGE_NEW_REQUIRED_FIELD);
      assertThat(rejected.status()).isEqualTo(409);
      assertThat(rejected.body()).startsWith("{\"error_code\":40901,");
    }
  }

  @Test
  void shouldTestCompatibilityAgainstOneVersionOrAllVersions() {
    http.register("usage-value", USAGE_V1);
    assertReply(
        http.post("/compatibility/subjects/usage-value/versions/latest", schemaBody(USAGE_V2)),
        200,
        "{\"is_compatible\":true}");
    assertReply(
        http.post(
            "/compatibility/subjects/usage-value/versions/1?verbose=True", schemaBody(USAGE_V2)),
        200,
        "{\"is_compatible\":true,\"messages\":[]}");
    assertReply(
        http.post(
            "/compatibility/subjects/usage-value/versions/", schemaBody(USAGE_NEW_REQUIRED_FIELD)),
        200,
        "{\"is_compatible\":false}");
    Reply verbose =
        http.post(
            "/compatibility/subjects/usage-value/versions?verbose=true",
            schemaBody(USAGE_NEW_REQUIRED_FIELD));
    assertThat(verbose.body())
        .startsWith(
            "{\"is_compatible\":false,\"messages\":[\"{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE'")
        .endsWith("\"{compatibility: 'BACKWARD'}\"]}");
    assertReply(
        http.post("/compatibility/subjects/new-value/versions/latest", schemaBody(USAGE_V1)),
        200,
        "{\"is_compatible\":true}");
    assertReply(
        http.post("/compatibility/subjects/usage-value/versions/3", schemaBody(USAGE_V1)),
        404,
        "{\"error_code\":40402,\"message\":\"Version 3 not found for subject 'usage-value'.\"}");
    Reply badVersion =
        http.post("/compatibility/subjects/usage-value/versions/zero", schemaBody(USAGE_V1));
    assertThat(badVersion.status()).isEqualTo(422);
    assertThat(badVersion.body()).startsWith("{\"error_code\":42202,");
    Reply badSchema =
        http.post("/compatibility/subjects/usage-value/versions?verbose=true", schemaBody("{"));
    assertThat(badSchema.body())
        .startsWith("{\"is_compatible\":false,\"messages\":[\"Invalid schema");
  }

  @Test
  void shouldCheckEveryVersionOnlyUnderTransitiveLevels() {
    String v1 = USAGE_V1;
    // v2 drops "tokens"; v3 re-adds "tokens" with a default of another type than v1 wrote.
    String v3 =
        "{\"type\":\"record\",\"name\":\"Usage\",\"namespace\":\"test.tokenmeter\",\"fields\":["
            + "{\"name\":\"model\",\"type\":\"string\"},"
            + "{\"name\":\"tokens\",\"type\":\"string\",\"default\":\"none\"}]}";
    http.register("plain-value", v1);
    http.register("plain-value", USAGE_WITHOUT_TOKENS);
    assertReply(http.register("plain-value", v3), 200, "{\"id\":3}");

    http.put("/config/transitive-value", "{\"compatibility\":\"BACKWARD_TRANSITIVE\"}");
    http.register("transitive-value", v1);
    http.register("transitive-value", USAGE_WITHOUT_TOKENS);
    Reply rejected = http.register("transitive-value", v3);
    assertThat(rejected.status()).isEqualTo(409);
    assertThat(rejected.body()).contains("TYPE_MISMATCH", "version 1");
  }

  @Test
  void shouldGetSetAndDeleteGlobalAndSubjectConfig() {
    assertReply(http.get("/config"), 200, "{\"compatibilityLevel\":\"BACKWARD\"}");
    assertReply(
        http.get("/config/usage-value"),
        404,
        "{\"error_code\":40408,\"message\":\"Subject 'usage-value' does not have subject-level"
            + " config\"}");
    assertReply(
        http.get("/config/usage-value?defaultToGlobal=true"),
        200,
        "{\"compatibilityLevel\":\"BACKWARD\"}");

    assertReply(
        http.put("/config", "{\"compatibility\":\"FULL\"}"), 200, "{\"compatibility\":\"FULL\"}");
    assertReply(http.get("/config"), 200, "{\"compatibilityLevel\":\"FULL\"}");
    assertReply(
        http.put("/config/usage-value", "{\"compatibility\":\"NONE\"}"),
        200,
        "{\"compatibility\":\"NONE\"}");
    assertReply(http.get("/config/usage-value"), 200, "{\"compatibilityLevel\":\"NONE\"}");

    // NONE lets anything through for this subject.
    http.register("usage-value", USAGE_V1);
    assertReply(http.register("usage-value", USAGE_NEW_REQUIRED_FIELD), 200, "{\"id\":2}");

    assertReply(http.delete("/config/usage-value"), 200, "{\"compatibilityLevel\":\"NONE\"}");
    assertReply(
        http.delete("/config/usage-value"),
        404,
        "{\"error_code\":40401,\"message\":\"Subject 'usage-value' not found.\"}");
    assertReply(http.delete("/config"), 200, "{\"compatibilityLevel\":\"FULL\"}");
    assertReply(http.get("/config"), 200, "{\"compatibilityLevel\":\"BACKWARD\"}");
  }

  @Test
  void shouldRejectUnknownCompatibilityLevels() {
    Reply reply = http.put("/config", "{\"compatibility\":\"SIDEWAYS\"}");
    assertReply(
        reply,
        422,
        "{\"error_code\":42203,\"message\":\"Invalid compatibility level 'SIDEWAYS'. Valid values"
            + " are: NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL,"
            + " FULL_TRANSITIVE\"}");
    assertReply(http.get("/config"), 200, "{\"compatibilityLevel\":\"BACKWARD\"}");
  }
}
