package io.tokenmeter.processor.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps an {@code Authorization: Bearer ...} header to a {@link Caller}. Tokens are compared in
 * constant time (so response timing does not leak how much of a guess was right) and never logged.
 */
public final class TokenAuthenticator {
  private static final String BEARER = "Bearer ";

  private final Set<String> adminTokens;
  private final Map<String, String> tenantByToken;

  public TokenAuthenticator(ApiSettings settings) {
    this.adminTokens = settings.adminTokens();
    this.tenantByToken = settings.tenantByToken();
  }

  /** The caller of a request, or empty when the header is missing, malformed or unknown. */
  public Optional<Caller> authenticate(String authorizationHeader) {
    if (authorizationHeader == null || !authorizationHeader.startsWith(BEARER)) {
      return Optional.empty();
    }
    byte[] presented =
        authorizationHeader.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
    if (presented.length == 0) {
      return Optional.empty();
    }
    Caller found = null;
    // Every token is compared, even after a match, to keep the time independent of the token.
    for (String token : adminTokens) {
      if (MessageDigest.isEqual(presented, token.getBytes(StandardCharsets.UTF_8))) {
        found = Caller.ADMIN;
      }
    }
    for (Map.Entry<String, String> entry : tenantByToken.entrySet()) {
      if (MessageDigest.isEqual(presented, entry.getKey().getBytes(StandardCharsets.UTF_8))) {
        found = Caller.tenant(entry.getValue());
      }
    }
    return Optional.ofNullable(found);
  }
}
