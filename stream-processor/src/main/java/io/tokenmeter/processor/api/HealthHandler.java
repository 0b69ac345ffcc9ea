package io.tokenmeter.processor.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams.State;

/**
 * {@code /health/live} and {@code /health/ready}. Live fails only when Kafka Streams has stopped
 * for good (a restart is the fix); ready needs RUNNING, so a rebalancing or restoring instance is
 * taken out of load balancing but not killed.
 */
final class HealthHandler implements HttpHandler {
  static final String LIVE = "/health/live";
  static final String READY = "/health/ready";

  private static final Set<State> DEAD =
      Set.of(State.ERROR, State.PENDING_ERROR, State.NOT_RUNNING);

  private final Supplier<State> state;

  HealthHandler(Supplier<State> state) {
    this.state = state;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    State current = state.get();
    String path = exchange.getRequestURI().getPath();
    boolean healthy;
    if (LIVE.equals(path)) {
      healthy = !DEAD.contains(current);
    } else if (READY.equals(path)) {
      healthy = current == State.RUNNING;
    } else {
      Responses.json(exchange, 404, ApiJson.error("no such health check", "path", path));
      return;
    }
    Responses.json(
        exchange,
        healthy ? 200 : 503,
        "{\"status\":\"" + (healthy ? "UP" : "DOWN") + "\",\"state\":\"" + current + "\"}");
  }
}
