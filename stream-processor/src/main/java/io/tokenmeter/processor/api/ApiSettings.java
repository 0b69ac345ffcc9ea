package io.tokenmeter.processor.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Settings of the HTTP API (port and bearer tokens), read from the processor's settings map. Kept
 * out of {@code ProcessorSettings.defaults()} on purpose: that class prints its defaults' keys in
 * {@code toString}, and tokens must never reach a log.
 */
public final class ApiSettings {
  public static final String PORT = "tokenmeter.api.port";
  public static final String ADMIN_TOKENS = "tokenmeter.api.admin-tokens";
  public static final String TENANT_TOKENS = "tokenmeter.api.tenant-tokens";

  public static final int DEFAULT_PORT = 8080;

  /** Port value that turns the API (and the health endpoints) off. */
  public static final int DISABLED = -1;

  private final int port;
  private final Set<String> adminTokens;
  private final Map<String, String> tenantByToken;

  private ApiSettings(int port, Set<String> adminTokens, Map<String, String> tenantByToken) {
    this.port = port;
    this.adminTokens = Set.copyOf(adminTokens);
    this.tenantByToken = Map.copyOf(tenantByToken);
  }

  /** Every key this class reads, so the environment layer can map {@code TOKENMETER_API_*}. */
  public static List<String> keys() {
    return List.of(PORT, ADMIN_TOKENS, TENANT_TOKENS);
  }

  public static ApiSettings from(Map<String, String> values) {
    List<String> problems = new ArrayList<>();
    int port = port(values.get(PORT), problems);
    Set<String> admins = Set.copyOf(split(values.get(ADMIN_TOKENS)));
    Map<String, String> tenants = new HashMap<>();
    for (String pair : split(values.get(TENANT_TOKENS))) {
      int colon = pair.indexOf(':');
      if (colon <= 0 || colon == pair.length() - 1) {
        // The entry is not echoed: it may be a token.
        problems.add(
            TENANT_TOKENS + " has an entry that is not tenant:token; write tenantA:tokenA,...");
        continue;
      }
      String token = pair.substring(colon + 1);
      if (admins.contains(token) || tenants.containsKey(token)) {
        problems.add(TENANT_TOKENS + " reuses a token; give every tenant and admin its own token");
      }
      tenants.put(token, pair.substring(0, colon));
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("Invalid API settings: " + String.join("; ", problems));
    }
    return new ApiSettings(port, admins, tenants);
  }

  private static int port(String text, List<String> problems) {
    if (text == null || text.isBlank()) {
      return DEFAULT_PORT;
    }
    try {
      int port = Integer.parseInt(text.trim());
      if (port >= DISABLED && port <= 65_535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(PORT + " is '" + text + "'; use 1-65535, 0 for any free port, or -1 to turn off");
    return DISABLED;
  }

  private static List<String> split(String text) {
    List<String> parts = new ArrayList<>();
    if (text != null) {
      for (String part : text.split(",")) {
        if (!part.isBlank()) {
          parts.add(part.trim());
        }
      }
    }
    return parts;
  }

  public int port() {
    return port;
  }

  public boolean enabled() {
    return port != DISABLED;
  }

  Set<String> adminTokens() {
    return adminTokens;
  }

  Map<String, String> tenantByToken() {
    return tenantByToken;
  }

  @Override
  public String toString() {
    return "ApiSettings{port="
        + port
        + ", adminTokens="
        + adminTokens.size()
        + ", tenantTokens="
        + tenantByToken.size()
        + "}";
  }
}
