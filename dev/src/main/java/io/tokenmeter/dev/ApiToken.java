package io.tokenmeter.dev;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A fresh admin token for the spend API on every start: the API listens on every interface, so a
 * fixed, published dev token would open it to the network.
 */
final class ApiToken {

  private static final int BYTES = 24;
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiToken() {}

  static String generate() {
    byte[] bytes = new byte[BYTES];
    RANDOM.nextBytes(bytes);
    return "dev-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
