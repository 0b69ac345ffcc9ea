package io.tokenmeter.embedded.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Optional;

/**
 * The two ports of a combined KRaft node: clients talk to the broker port, the node's own raft
 * traffic uses the controller port.
 */
record ListenerPorts(int broker, int controller) {

  ListenerPorts {
    if (broker <= 0 || controller <= 0 || broker == controller) {
      throw new IllegalArgumentException(
          "broker and controller ports must be distinct and positive, were "
              + broker
              + " and "
              + controller);
    }
  }

  /**
   * Chooses the ports for a start. A requested broker port is used as is (and must be free); port 0
   * reuses the port of the previous run on the same data directory when it is still free, so that
   * clients configured with the old address reconnect after a restart.
   */
  static ListenerPorts choose(
      String host, int requestedBrokerPort, Optional<ListenerPorts> previous) {
    int broker;
    if (requestedBrokerPort != EmbeddedKafkaSettings.ANY_FREE_PORT) {
      if (!isFree(host, requestedBrokerPort)) {
        throw new IllegalStateException(
            "port "
                + requestedBrokerPort
                + " on "
                + host
                + " is already in use; stop what listens there or choose another port (0 picks a"
                + " free one)");
      }
      broker = requestedBrokerPort;
    } else {
      broker =
          previous
              .map(ListenerPorts::broker)
              .filter(port -> isFree(host, port))
              .orElseGet(() -> freePort(host, -1));
    }
    int controller =
        previous
            .map(ListenerPorts::controller)
            .filter(port -> port != broker && isFree(host, port))
            .orElseGet(() -> freePort(host, broker));
    return new ListenerPorts(broker, controller);
  }

  static boolean isFree(String host, int port) {
    try (ServerSocket socket = new ServerSocket()) {
      // The broker binds with SO_REUSEADDR too, so a port in TIME_WAIT after a restart counts as
      // free.
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(host, port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Asks the OS for a free ephemeral port. Another process could take it before the broker binds;
   * that race is accepted because the broker then fails to start with a clear bind error.
   */
  private static int freePort(String host, int excluded) {
    for (int attempt = 0; attempt < 10; attempt++) {
      try (ServerSocket socket = new ServerSocket()) {
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(host, 0));
        int port = socket.getLocalPort();
        if (port != excluded) {
          return port;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot bind any port on " + host + "; check the host", e);
      }
    }
    throw new IllegalStateException("no free port found on " + host);
  }
}
