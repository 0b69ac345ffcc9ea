package io.tokenmeter.embedded.clickhouse.http;

import io.tokenmeter.clickhouse.engine.QueryEngine;
import io.tokenmeter.clickhouse.engine.QueryException;
import io.tokenmeter.clickhouse.engine.QueryRequest;
import io.tokenmeter.clickhouse.engine.QueryResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A QueryEngine that records requests and answers what the test scripted. */
final class FakeEngine implements QueryEngine {

  /** Scripted behaviour for one request. */
  @FunctionalInterface
  interface Script {
    QueryResult answer(QueryRequest request) throws QueryException;
  }

  static final String VERSION = "26.5.1.1";

  private final List<QueryRequest> requests = new CopyOnWriteArrayList<>();
  private volatile Script script = FakeEngine::echoSql;
  private volatile boolean closed;

  void answerWith(Script script) {
    this.script = script;
  }

  List<QueryRequest> requests() {
    return requests;
  }

  QueryRequest lastRequest() {
    return requests.getLast();
  }

  boolean isClosed() {
    return closed;
  }

  @Override
  public QueryResult execute(QueryRequest request) throws QueryException {
    requests.add(request);
    return script.answer(request);
  }

  @Override
  public String version() {
    return VERSION;
  }

  @Override
  public String timezone() {
    return "Asia/Tokyo";
  }

  @Override
  public void close() {
    closed = true;
  }

  /** Default: the SQL text back as TabSeparated, one row read, nothing written. */
  static QueryResult echoSql(QueryRequest request) {
    byte[] body = (request.sql() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return new QueryResult(body, "TabSeparated", 1, 1, 8, 0, 1_234_567);
  }
}
