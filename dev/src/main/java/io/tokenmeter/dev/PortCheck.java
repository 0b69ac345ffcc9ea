package io.tokenmeter.dev;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Fails before anything starts when a fixed port is taken, naming the flag that moves it: the
 * services' own errors would come later and say less.
 */
public final class PortCheck {

  private PortCheck() {}

  /** Port 0 (any free port) always passes. */
  public static void requireFree(int port, String service, String flag) {
    if (port == 0) {
      return;
    }
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
    } catch (IOException e) {
      throw new IllegalStateException(
          "port "
              + port
              + " for "
              + service
              + " is in use (another ./tokenmeter dev, or a local "
              + service
              + "?); stop it, or choose another port with "
              + flag
              + " N");
    }
  }

  /**
   * A port free right now, for services that must be told their port before they start (so it can
   * be printed); port 0 would leave it unknown.
   */
  public static int anyFreePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free local port: " + e.getMessage(), e);
    }
  }
}
