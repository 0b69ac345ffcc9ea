package io.tokenmeter.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP forwarder that can be cut: while cut, open connections are closed and new ones are closed
 * at once, so the client sees the server as unreachable. Used to take ClickHouse away from the sink
 * without touching the engine the test reads from.
 */
final class TcpCutProxy implements AutoCloseable {

  private static final Logger LOGGER = LoggerFactory.getLogger(TcpCutProxy.class);

  private final InetSocketAddress target;
  private final ServerSocket server;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean cut;

  TcpCutProxy(String targetHost, int targetPort) throws IOException {
    this.target = new InetSocketAddress(targetHost, targetPort);
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().name("tcp-cut-proxy-accept").start(this::acceptLoop);
  }

  int port() {
    return server.getLocalPort();
  }

  /** Drops every open connection and refuses new ones until {@link #restore()}. */
  void cut() {
    cut = true;
    open.forEach(TcpCutProxy::closeQuietly);
    open.clear();
  }

  void restore() {
    cut = false;
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        if (cut) {
          closeQuietly(client);
          continue;
        }
        Socket upstream = new Socket(target.getAddress(), target.getPort());
        open.add(client);
        open.add(upstream);
        Thread.ofVirtual().start(() -> pump(client, upstream));
        Thread.ofVirtual().start(() -> pump(upstream, client));
      } catch (IOException e) {
        if (!server.isClosed()) {
          LOGGER.debug("proxy accept failed", e);
        }
      }
    }
  }

  private void pump(Socket from, Socket to) {
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException closed) {
      // One side went away (or the proxy cut it): close both, as a dropped connection would.
      LOGGER.trace("proxy connection closed", closed);
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      open.remove(from);
      open.remove(to);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      LOGGER.trace("close failed", e);
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    cut();
  }
}
