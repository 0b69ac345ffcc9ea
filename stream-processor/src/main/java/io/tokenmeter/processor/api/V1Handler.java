package io.tokenmeter.processor.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.tokenmeter.processor.topology.StoreNames;
import io.tokenmeter.schema.v1.BudgetDefinition;
import io.tokenmeter.schema.v1.BudgetState;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /v1/...}: authenticates, authorizes by tenant, finds the instance that owns the tenant's
 * state, and answers here or forwards there.
 */
final class V1Handler implements HttpHandler {
  /**
   * The {@code code} of a 404 for a budget that is defined but has seen no usage yet, so clients
   * (the SDK's budget check) can tell it from an unknown budget without reading the message.
   */
  public static final String NO_STATE_YET = "no_state_yet";

  public static final String NOT_RETAINED = "not_retained";

  static final String PREFIX = "/v1/";
  private static final Logger LOGGER = LoggerFactory.getLogger(V1Handler.class);

  private final TokenAuthenticator authenticator;
  private final ApiBackend backend;

  V1Handler(TokenAuthenticator authenticator, ApiBackend backend) {
    this.authenticator = authenticator;
    this.backend = backend;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      if (!"GET".equals(exchange.getRequestMethod())) {
        Responses.json(exchange, 405, ApiJson.error("only GET is supported"));
        return;
      }
      Optional<Caller> caller =
          authenticator.authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
      if (caller.isEmpty()) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        Responses.json(exchange, 401, ApiJson.error("missing or unknown bearer token"));
        return;
      }
      dispatch(exchange, caller.get(), segments(exchange.getRequestURI().getRawPath()));
    } catch (InvalidStateStoreException e) {
      // Rebalancing or restoring: the client should retry shortly.
      Responses.json(exchange, 503, ApiJson.error("state store not queryable yet; retry"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      Responses.json(exchange, 503, ApiJson.error("interrupted while forwarding"));
    } catch (RuntimeException e) {
      LOGGER.error("Request {} failed", exchange.getRequestURI().getRawPath(), e);
      Responses.json(exchange, 500, ApiJson.error("internal error"));
    }
  }

  private void dispatch(HttpExchange exchange, Caller caller, List<String> path)
      throws IOException, InterruptedException {
    if (path.size() == 4 && path.get(1).equals("tenants") && path.get(3).equals("spend")) {
      spend(exchange, caller, path.get(2));
    } else if (path.size() == 4 && path.get(1).equals("tenants") && path.get(3).equals("alerts")) {
      String tenant = path.get(2);
      if (allowed(exchange, caller, tenant)) {
        Responses.json(exchange, 200, ApiJson.alerts(tenant, backend.alerts().recent(tenant)));
      }
    } else if (path.size() == 3 && path.get(1).equals("budgets")) {
      budget(exchange, caller, path.get(2));
    } else {
      Responses.json(
          exchange,
          404,
          ApiJson.error(
              "no such route",
              "routes",
              "GET /v1/tenants/{tenant}/spend, GET /v1/tenants/{tenant}/alerts,"
                  + " GET /v1/budgets/{budget_id}"));
    }
  }

  private void spend(HttpExchange exchange, Caller caller, String tenant)
      throws IOException, InterruptedException {
    String period = query(exchange, "period", SpendQuery.DAY);
    boolean month = SpendQuery.MONTH.equals(period);
    if (!month && !SpendQuery.DAY.equals(period)) {
      Responses.json(exchange, 400, ApiJson.error("period must be day or month", "period", period));
      return;
    }
    String date = query(exchange, "date", null);
    if (date != null && !isDate(date)) {
      Responses.json(
          exchange, 400, ApiJson.error("date must be YYYY-MM-DD (a UTC day)", "date", date));
      return;
    }
    String store = month ? StoreNames.MONTH_SPEND : StoreNames.AGGREGATE_WINDOWS;
    if (!allowed(exchange, caller, tenant) || !routedHere(exchange, store, tenant)) {
      return;
    }
    SpendQuery query = backend.spend();
    LocalDate asked = date == null ? null : LocalDate.parse(date);
    TenantSpend spend;
    if (month) {
      var monthStore = backend.stores().monthSpend();
      spend =
          asked == null
              ? query.thisMonth(monthStore, tenant)
              : query.month(monthStore, tenant, YearMonth.from(asked));
    } else {
      var dayStore = backend.stores().aggregates();
      spend = asked == null ? query.today(dayStore, tenant) : query.day(dayStore, tenant, asked);
    }
    // The stores expire by stream time, the oldest kept period is judged by the clock: what is
    // still there (a replay of old events) is answered; nothing at all before that point is not
    // "zero spent" but "no longer kept".
    LocalDate oldest = month ? query.oldestMonth().atDay(1) : query.oldestDay();
    if (spend.total() == null && asked != null && asked.isBefore(oldest)) {
      notRetained(exchange, period, date, oldest);
      return;
    }
    Responses.json(exchange, 200, ApiJson.spend(spend));
  }

  /** A zero for a period the processor no longer keeps would read as "nothing spent": say so. */
  private static void notRetained(
      HttpExchange exchange, String period, String date, LocalDate oldest) throws IOException {
    Responses.json(
        exchange,
        404,
        ApiJson.error(
            "the processor no longer keeps that "
                + period
                + "; the oldest it answers starts "
                + oldest
                + ". Read older spend from ClickHouse: tokenmeter_daily_cost_by_tenant_model"
                + " (docs/analytics.md, \"Cost over time\")",
            "code",
            NOT_RETAINED,
            "period",
            period,
            "date",
            date,
            "oldest_date",
            oldest.toString()));
  }

  private void budget(HttpExchange exchange, Caller caller, String budgetId)
      throws IOException, InterruptedException {
    // The definitions are a global store, complete on every instance: it gives the tenant.
    BudgetDefinition definition = backend.stores().budgets().get(budgetId);
    if (definition == null || definition.getDeleted()) {
      Responses.json(exchange, 404, ApiJson.error("no such budget", "budget_id", budgetId));
      return;
    }
    String tenant = definition.getScope().getTenantId();
    if (!allowed(exchange, caller, tenant)
        || !routedHere(exchange, StoreNames.BUDGET_SPEND, tenant)) {
      return;
    }
    BudgetState state = backend.stores().budgetSpend().get(budgetId);
    if (state == null) {
      Responses.json(
          exchange,
          404,
          ApiJson.error(
              "budget has no state yet: no matching usage since it was defined",
              "code",
              NO_STATE_YET,
              "budget_id",
              budgetId,
              "tenant_id",
              tenant));
      return;
    }
    Responses.json(exchange, 200, ApiJson.budget(state));
  }

  private static boolean allowed(HttpExchange exchange, Caller caller, String tenant)
      throws IOException {
    if (caller.maySee(tenant)) {
      return true;
    }
    Responses.json(exchange, 403, ApiJson.error("this token may not read that tenant"));
    return false;
  }

  /** True when this instance serves the request; otherwise the response has been sent. */
  private boolean routedHere(HttpExchange exchange, String store, String tenant)
      throws IOException, InterruptedException {
    if (backend.self() == null) {
      return true;
    }
    boolean forwarded = exchange.getRequestHeaders().containsKey(Forwarder.FORWARDED_HEADER);
    Route route = Route.decide(backend.owners().ownerOf(store, tenant), backend.self(), forwarded);
    switch (route) {
      case Route.Local local -> {
        return true;
      }
      case Route.Unavailable unavailable -> {
        Responses.json(exchange, 503, ApiJson.error("owner of this tenant unknown now; retry"));
        return false;
      }
      case Route.Forward forward -> {
        String target = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        Forwarder.Answer answer;
        try {
          answer =
              backend
                  .forwarder()
                  .forward(
                      forward.owner(),
                      query == null ? target : target + "?" + query,
                      exchange.getRequestHeaders().getFirst("Authorization"));
        } catch (IOException e) {
          LOGGER.warn("Could not forward to owner {}: {}", forward.owner(), e.toString());
          Responses.json(exchange, 502, ApiJson.error("owner instance did not answer; retry"));
          return false;
        }
        Responses.json(exchange, answer.status(), answer.body());
        return false;
      }
    }
  }

  private static boolean isDate(String text) {
    try {
      LocalDate.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static String query(HttpExchange exchange, String name, String fallback) {
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && decode(pair.substring(0, eq)).equals(name)) {
          return decode(pair.substring(eq + 1));
        }
      }
    }
    return fallback;
  }

  /** Path segments after "/v1", each percent-decoded (so a tenant id may contain '/'). */
  static List<String> segments(String rawPath) {
    List<String> segments = new ArrayList<>();
    for (String raw : rawPath.substring(1).split("/", -1)) {
      segments.add(decode(raw));
    }
    return segments;
  }

  private static String decode(String raw) {
    // URLDecoder is for forms; keep '+' literal, as it is in a URI path.
    return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
