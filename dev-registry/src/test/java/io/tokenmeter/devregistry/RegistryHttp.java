package io.tokenmeter.devregistry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A plain java.net.http client for tests: sends raw requests and returns raw answers. */
final class RegistryHttp {
  static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String baseUrl;

  RegistryHttp(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Status, content type and body of one answer. */
  record Reply(int status, String contentType, String body) {}

  Reply get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  Reply delete(String path) {
    return send(HttpRequest.newBuilder(uri(path)).DELETE());
  }

  Reply post(String path, String json) {
    return send(withBody("POST", path, json, V1_JSON));
  }

  Reply put(String path, String json) {
    return send(withBody("PUT", path, json, V1_JSON));
  }

  Reply send(String method, String path, String json, String contentType) {
    return send(withBody(method, path, json, contentType));
  }

  /** POST /subjects/{s}/versions with the schema text; returns the answer. */
  Reply register(String subject, String schema) {
    return post("/subjects/" + subject + "/versions", schemaBody(schema));
  }

  /** {"schema": "<schema as JSON string>"}. */
  static String schemaBody(String schema) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("schema", schema);
    return json(body);
  }

  /** The schema text as a JSON string literal, for building expected bodies. */
  static String quoted(String text) {
    return json(text);
  }

  static String json(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest.Builder withBody(String method, String path, String json, String type) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.ofString(json));
    if (type != null) {
      builder.header("Content-Type", type);
    }
    return builder;
  }

  private URI uri(String path) {
    return URI.create(baseUrl + path);
  }

  private static Reply send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response =
          CLIENT.send(
              builder.timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Reply(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
