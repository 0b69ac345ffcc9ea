package io.tokenmeter.registry;

import static io.tokenmeter.registry.FakeRegistryServer.ok;
import static io.tokenmeter.registry.FakeRegistryServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RestSchemaRegistryClientTest {
  static final String ORDER_TEXT =
      "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"t\","
          + "\"fields\":[{\"name\":\"id\",\"type\":\"long\"}]}";
  static final Schema ORDER = new Schema.Parser().parse(ORDER_TEXT);
  static final ObjectMapper JSON = new ObjectMapper();

  FakeRegistryServer server;
  RestSchemaRegistryClient client;

  @BeforeEach
  void start() throws IOException {
    server = new FakeRegistryServer();
    client = new RestSchemaRegistryClient(config(server.url(), Map.of()));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static RegistryClientConfig config(String url, Map<String, String> extra) {
    Map<String, Object> settings = new HashMap<>(extra);
    settings.put(RegistryClientConfig.URL, url);
    settings.putIfAbsent(RegistryClientConfig.RETRIES_WAIT_MS, "1");
    settings.putIfAbsent(RegistryClientConfig.RETRIES_MAX_WAIT_MS, "4");
    settings.putIfAbsent(RegistryClientConfig.READ_TIMEOUT_MS, "5000");
    return RegistryClientConfig.fromMap(settings);
  }

  static String quoted(String schemaText) {
    return JsonNodeFactory.instance.textNode(schemaText).toString();
  }

  @Test
  void shouldRegisterWithV1MediaTypeAndReadOnlyTheIdFromTheResponse() throws Exception {
    server.on(
        "POST /subjects/orders-value/versions",
        ok(
            "{\"id\":7,\"version\":3,\"guid\":\"x\",\"schemaType\":\"AVRO\",\"ts\":1,\"extra\":[1]}"));

    assertThat(client.register("orders-value", ORDER)).isEqualTo(7);

    FakeRegistryServer.Request request = server.requests().get(0);
    assertThat(request.header("Content-Type")).isEqualTo("application/vnd.schemaregistry.v1+json");
    assertThat(request.header("Accept")).startsWith("application/vnd.schemaregistry.v1+json");
    JsonNode body = JSON.readTree(request.body());
    assertThat(new Schema.Parser().parse(body.get("schema").asText())).isEqualTo(ORDER);
    assertThat(body.has("schemaType")).isFalse();
  }

  @Test
  void shouldServeRepeatedRegistrationOfAnEquivalentSchemaFromCache() {
    server.on("POST /subjects/orders-value/versions", ok("{\"id\":7}"));
    Schema reformatted = new Schema.Parser().parse(ORDER_TEXT.replace(",", " ,\n "));

    client.register("orders-value", ORDER);
    int again = client.register("orders-value", reformatted);

    assertThat(again).isEqualTo(7);
    assertThat(server.requests()).hasSize(1);
    assertThat(client.getSchemaById(7)).isEqualTo(ORDER);
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void shouldTreatMissingSchemaTypeAsAvroAndCacheById() {
    server.on(
        "GET /schemas/ids/12?subject=orders-value", ok("{\"schema\":" + quoted(ORDER_TEXT) + "}"));

    assertThat(client.getSchemaById(12, "orders-value")).isEqualTo(ORDER);
    assertThat(client.getSchemaById(12, "orders-value")).isEqualTo(ORDER);
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void shouldRejectNonAvroSchemaTypes() {
    server.on("GET /schemas/ids/3", ok("{\"schema\":\"{}\",\"schemaType\":\"JSON\"}"));

    assertThatThrownBy(() -> client.getSchemaById(3))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("JSON")
        .hasMessageContaining("only AVRO");
  }

  @Test
  void shouldMapHttp409WithEitherErrorCodeOrNoneToIncompatibleSchema() {
    server.on(
        "POST /subjects/orders-value/versions",
        status(409, "{\"error_code\":409,\"message\":\"Schema being registered is incompatible\"}"),
        status(409, "{\"error_code\":40901,\"message\":\"incompatible\"}"),
        status(409, ""));

    for (int expectedCode : new int[] {409, 40901, 409}) {
      assertThatThrownBy(() -> client.register("orders-value", ORDER))
          .isInstanceOfSatisfying(
              IncompatibleSchemaException.class,
              e -> assertThat(e.errorCode()).isEqualTo(expectedCode));
    }
  }

  @Test
  void shouldNotTreatA409OnDeleteAsIncompatible() {
    server.on("DELETE /subjects/s?permanent=true", status(409, "{\"error_code\":40405}"));

    assertThatThrownBy(() -> client.deleteSubject("s", true))
        .isExactlyInstanceOf(SchemaRegistryException.class)
        .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(40405));
  }

  @Test
  void shouldMapNotFoundCodesToTypedExceptions() {
    server
        .on(
            "GET /subjects/a/versions/1",
            status(404, "{\"error_code\":40401,\"message\":\"Subject 'a' not found.\"}"))
        .on(
            "GET /subjects/b/versions/9",
            status(404, "{\"error_code\":40402,\"message\":\"Version 9 not found.\"}"))
        .on(
            "POST /subjects/c?deleted=false",
            status(404, "{\"error_code\":40403,\"message\":\"Schema not found\"}"));

    assertThatThrownBy(() -> client.getVersion("a", 1))
        .isInstanceOf(SubjectNotFoundException.class);
    assertThatThrownBy(() -> client.getVersion("b", 9))
        .isInstanceOf(VersionNotFoundException.class);
    assertThatThrownBy(() -> client.lookUp("c", ORDER))
        .isInstanceOf(SchemaNotFoundException.class)
        .hasMessageContaining("Schema not found");
  }

  @Test
  void shouldReportAnUnknownIdAsSchemaNotFoundWhicheverNotFoundCodeTheRegistrySends() {
    // Apicurio answers 40401 for an unknown id; Confluent 40403.
    server
        .on(
            "GET /schemas/ids/41",
            status(404, "{\"error_code\":40401,\"message\":\"No artifact\"}"))
        .on(
            "GET /schemas/ids/43",
            status(404, "{\"error_code\":40403,\"message\":\"Schema 43 not found\"}"));

    assertThatThrownBy(() -> client.getSchemaById(41)).isInstanceOf(SchemaNotFoundException.class);
    assertThatThrownBy(() -> client.getSchemaById(43)).isInstanceOf(SchemaNotFoundException.class);
  }

  @Test
  void shouldParseLenientErrorBodies() {
    server
        .on(
            "GET /subjects/array/versions",
            status(422, "{\"error_code\":422,\"message\":[{\"loc\":\"schema\"}]}"))
        .on("GET /subjects/string/versions", status(404, "\"Not Found\""))
        .on("GET /subjects/zero/versions", status(404, "{\"error_code\":0,\"message\":\"gone\"}"))
        .on("GET /subjects/text/versions", status(401, "Unauthorized <html>"))
        .on("GET /subjects/nocode/versions", status(403, "{\"message\":\"denied\"}"));

    assertRegistryError(() -> client.getAllVersions("array"), 422, 422, "[{\"loc\":\"schema\"}]");
    assertRegistryError(() -> client.getAllVersions("string"), 404, 404, "Not Found");
    assertRegistryError(() -> client.getAllVersions("zero"), 404, 404, "gone");
    assertRegistryError(() -> client.getAllVersions("text"), 401, 401, "Unauthorized <html>");
    assertRegistryError(() -> client.getAllVersions("nocode"), 403, 403, "denied");
  }

  private static void assertRegistryError(Runnable call, int status, int code, String message) {
    assertThatThrownBy(call::run)
        .isExactlyInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining(message)
        .satisfies(
            e -> {
              assertThat(((SchemaRegistryException) e).httpStatus()).isEqualTo(status);
              assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(code);
            });
  }

  @Test
  void shouldPercentEncodeTheSubjectAsOnePathSegment() {
    server.on("GET /subjects/a%2Fb%20c/versions", ok("[1,2]"));

    assertThat(client.getAllVersions("a/b c")).containsExactly(1, 2);
  }

  @Test
  void shouldTestCompatibilityAndReadSnakeCaseResult() {
    server
        .on(
            "POST /compatibility/subjects/s/versions/latest?verbose=true",
            ok("{\"is_compatible\":false,\"messages\":[\"READER_FIELD_MISSING_DEFAULT_VALUE\"]}"))
        .on(
            "POST /compatibility/subjects/s/versions/2?verbose=true",
            ok("{\"is_compatible\":true}"));

    assertThat(client.testCompatibilityWithLatest("s", ORDER))
        .isEqualTo(new CompatibilityResult(false, List.of("READER_FIELD_MISSING_DEFAULT_VALUE")));
    assertThat(client.testCompatibility("s", ORDER, 2))
        .isEqualTo(new CompatibilityResult(true, List.of()));
  }

  @Test
  void shouldReadCompatibilityLevelAndWriteCompatibilityField() throws Exception {
    server
        .on("GET /config", ok("{\"compatibilityLevel\":\"BACKWARD\"}"))
        .on(
            "GET /config/s?defaultToGlobal=true",
            ok("{\"compatibilityLevel\":\"full_transitive\"}"))
        .on("PUT /config/s", ok("{\"compatibility\":\"FORWARD\"}"));

    assertThat(client.getCompatibility()).isEqualTo(CompatibilityLevel.BACKWARD);
    assertThat(client.getCompatibility("s")).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
    client.setCompatibility("s", CompatibilityLevel.FORWARD);

    assertThat(JSON.readTree(server.requests().get(2).body()))
        .isEqualTo(JSON.readTree("{\"compatibility\":\"FORWARD\"}"));
  }

  @Test
  void shouldResolveReferencesBeforeParsingTheSchema() {
    String address =
        "{\"type\":\"record\",\"name\":\"Address\",\"namespace\":\"t\",\"fields\":[{\"name\":\"city\",\"type\":\"string\"}]}";
    String customer =
        "{\"type\":\"record\",\"name\":\"Customer\",\"namespace\":\"t\",\"fields\":[{\"name\":\"home\",\"type\":\"t.Address\"}]}";
    server
        .on(
            "GET /schemas/ids/8",
            ok(
                "{\"schema\":"
                    + quoted(customer)
                    + ",\"references\":[{\"name\":\"t.Address\",\"subject\":\"address-value\",\"version\":1}]}"))
        .on(
            "GET /subjects/address-value/versions/1",
            ok(
                "{\"subject\":\"address-value\",\"version\":1,\"id\":4,\"schema\":"
                    + quoted(address)
                    + "}"));

    Schema schema = client.getSchemaById(8);

    assertThat(schema.getField("home").schema().getField("city")).isNotNull();
  }

  @Test
  void shouldLookUpLatestVersionAndDeleteSubject() {
    server
        .on(
            "GET /subjects/s/versions/latest",
            ok("{\"subject\":\"s\",\"version\":4,\"id\":9,\"schema\":" + quoted(ORDER_TEXT) + "}"))
        .on("DELETE /subjects/s", ok("[1,2,3,4]"));

    assertThat(client.getLatestVersion("s")).isEqualTo(new RegisteredSchema("s", 4, 9, ORDER));
    assertThat(client.deleteSubject("s", false)).containsExactly(1, 2, 3, 4);
  }

  @Test
  void shouldValidateVersionsOnTheClientSide() {
    assertThatThrownBy(() -> client.getVersion("s", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("versions start at 1");
    assertThat(server.requests()).isEmpty();
  }
}
