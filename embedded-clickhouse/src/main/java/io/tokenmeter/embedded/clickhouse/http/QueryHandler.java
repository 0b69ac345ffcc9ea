package io.tokenmeter.embedded.clickhouse.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.tokenmeter.clickhouse.engine.QueryEngine;
import io.tokenmeter.clickhouse.engine.QueryException;
import io.tokenmeter.clickhouse.engine.QueryRequest;
import io.tokenmeter.clickhouse.engine.QueryResult;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one query request ({@code GET} or {@code POST /}) the way ClickHouse's HTTP handler does.
 */
final class QueryHandler {

  private static final Logger LOGGER = LoggerFactory.getLogger(QueryHandler.class);
  private static final String DEFAULT_DATABASE = "default";
  private static final int MAX_QUERY_ID_LENGTH = 256;

  private final QueryEngine engine;
  private final Authenticator authenticator;
  private final RequestBodyReader bodyReader;

  QueryHandler(QueryEngine engine, Authenticator authenticator, RequestBodyReader bodyReader) {
    this.engine = engine;
    this.authenticator = authenticator;
    this.bodyReader = bodyReader;
  }

  HttpReply handle(HttpExchange exchange) throws IOException {
    QueryParameters parameters = QueryParameters.parse(exchange.getRequestURI().getRawQuery());
    Headers headers = exchange.getRequestHeaders();
    String queryId =
        Optional.ofNullable(headers.getFirst("X-ClickHouse-Query-Id"))
            .or(() -> parameters.first("query_id"))
            // It is echoed in a header, so nothing that could break the header line.
            .filter(id -> !id.isBlank() && id.length() <= MAX_QUERY_ID_LENGTH)
            .filter(id -> id.chars().allMatch(c -> c >= 0x20 && c < 0x7f))
            .orElseGet(() -> UUID.randomUUID().toString());
    try {
      return run(exchange, parameters, queryId);
    } catch (ClickHouseError e) {
      LOGGER.debug("Query {} failed with code {}", queryId, e.code());
      // Read what the client is still sending (e.g. after a refused login), so that it reads our
      // answer instead of a reset connection, which it would retry.
      exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
      return HttpReply.error(e, queryId);
    } catch (RuntimeException e) {
      // Always answer: a dropped connection makes clickhouse-jdbc replay the request, which
      // could apply an INSERT twice.
      LOGGER.warn("Query {} failed unexpectedly", queryId, e);
      return HttpReply.error(
          ClickHouseError.of(
              ErrorCodes.UNKNOWN_EXCEPTION, "The embedded endpoint failed: " + e, engine.version()),
          queryId);
    }
  }

  private HttpReply run(HttpExchange exchange, QueryParameters parameters, String queryId)
      throws IOException, ClickHouseError {
    String version = engine.version();
    Headers headers = exchange.getRequestHeaders();
    authenticator.authenticate(headers, parameters, version);
    refuseUnsupported(parameters, version);
    ResponseCompression compression = ResponseCompression.negotiate(headers, parameters, version);
    byte[] body = bodyReader.read(exchange, parameters, version);
    StatementText statement = StatementText.split(parameters.first("query").orElse(""), body);
    if (statement.sql().isEmpty()) {
      throw ClickHouseError.of(ErrorCodes.SYNTAX_ERROR, "Empty query", version);
    }
    if (!exchange.getRequestMethod().equals("POST") && !statement.isReadOnly()) {
      throw ClickHouseError.of(
          ErrorCodes.READONLY,
          "Cannot execute query in readonly mode. For queries over HTTP, method GET implies"
              + " readonly. You should use method POST for modifying queries",
          version);
    }
    QueryRequest request =
        new QueryRequest(
            statement.sql(),
            first(headers, "X-ClickHouse-Database", parameters, "database", DEFAULT_DATABASE),
            first(
                headers,
                "X-ClickHouse-Format",
                parameters,
                "default_format",
                FormatNames.CLICKHOUSE_DEFAULT),
            parameters.settings(),
            statement.data());
    QueryResult result;
    try {
      result = engine.execute(request);
    } catch (QueryException e) {
      throw ClickHouseError.fromEngine(e.code(), e.getMessage(), version);
    }
    LOGGER.debug(
        "Query {} done: {} rows written, {} result bytes",
        queryId,
        result.rowsWritten(),
        result.body().length);
    return success(result, compression, queryId);
  }

  private HttpReply success(QueryResult result, ResponseCompression compression, String queryId) {
    Map<String, String> replyHeaders = new LinkedHashMap<>();
    replyHeaders.put("X-ClickHouse-Query-Id", queryId);
    replyHeaders.put("X-ClickHouse-Timezone", engine.timezone());
    Optional<String> format = FormatNames.driverName(result.format());
    replyHeaders.put("X-ClickHouse-Summary", QuerySummary.of(result));
    // Without the header the driver decodes as the format it asked for; a name it does not know
    // would fail the whole call, so unknown names are left out rather than echoed.
    format.ifPresent(name -> replyHeaders.put("X-ClickHouse-Format", name));
    replyHeaders.put("Content-Type", contentType(format.orElse("")));
    compression.httpEncoding().ifPresent(e -> replyHeaders.put("Content-Encoding", e.token()));
    return new HttpReply(200, replyHeaders, compression.apply(result.body()));
  }

  private static void refuseUnsupported(QueryParameters parameters, String version)
      throws ClickHouseError {
    if (parameters.first("session_id").isPresent()) {
      throw ClickHouseError.of(
          ErrorCodes.NOT_IMPLEMENTED,
          "HTTP sessions (session_id) are not supported by the embedded endpoint; every request"
              + " stands alone",
          version);
    }
    List<String> queryParameters = parameters.queryParameterNames();
    if (!queryParameters.isEmpty()) {
      throw ClickHouseError.of(
          ErrorCodes.NOT_IMPLEMENTED,
          "Query parameters "
              + queryParameters
              + " are not supported by the embedded endpoint;"
              + " put the values in the SQL text (clickhouse-jdbc does so for PreparedStatement)",
          version);
    }
  }

  private static String first(
      Headers headers, String header, QueryParameters parameters, String name, String fallback) {
    String fromHeader = headers.getFirst(header);
    if (fromHeader != null && !fromHeader.isBlank()) {
      return fromHeader.strip();
    }
    return parameters.first(name).filter(v -> !v.isBlank()).orElse(fallback);
  }

  private static String contentType(String format) {
    if (format.startsWith("RowBinary")
        || format.equals("Native")
        || format.equals("Parquet")
        || format.startsWith("Arrow")
        || format.equals("ORC")) {
      return "application/octet-stream";
    }
    return format.startsWith("JSON") ? "application/json; charset=UTF-8" : HttpReply.TEXT;
  }
}
