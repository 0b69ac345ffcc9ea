package io.tokenmeter.devregistry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Matches a method and decoded path segments against route templates such as {@code
 * /subjects/{}/versions/{}}, where {@code {}} captures one segment.
 */
final class Router {
  private static final String WILDCARD = "{}";

  private final List<Route> routes = new ArrayList<>();

  Router add(String method, String template, Function<ApiRequest, ApiResponse> handler) {
    routes.add(new Route(method, split(template), handler));
    return this;
  }

  /** A route matched by path and method, with the captured segments. */
  record Match(Function<ApiRequest, ApiResponse> handler, List<String> params) {}

  /** Finds the handler; an unknown path is a 404 and a known path with another method a 405. */
  Match match(String method, List<String> segments) {
    boolean pathKnown = false;
    for (Route route : routes) {
      List<String> params = route.capture(segments);
      if (params != null) {
        pathKnown = true;
        if (route.method().equals(method)) {
          return new Match(route.handler(), params);
        }
      }
    }
    throw pathKnown ? Errors.http(405, "Method Not Allowed") : Errors.http(404, "Not Found");
  }

  private static List<String> split(String template) {
    List<String> parts = new ArrayList<>();
    for (String part : template.split("/")) {
      if (!part.isEmpty()) {
        parts.add(part);
      }
    }
    return parts;
  }

  private record Route(
      String method, List<String> template, Function<ApiRequest, ApiResponse> handler) {
    /** The captured segments if the path fits this template, else null. */
    List<String> capture(List<String> segments) {
      if (segments.size() != template.size()) {
        return null;
      }
      List<String> params = new ArrayList<>();
      for (int i = 0; i < template.size(); i++) {
        if (template.get(i).equals(WILDCARD)) {
          params.add(segments.get(i));
        } else if (!template.get(i).equals(segments.get(i))) {
          return null;
        }
      }
      return params;
    }
  }
}
