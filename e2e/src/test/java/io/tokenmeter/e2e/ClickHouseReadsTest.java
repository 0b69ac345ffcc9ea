package io.tokenmeter.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClickHouseReadsTest {

  @Test
  void shouldTellATimedOutReadFromAMissingTable() {
    AssertionError timedOut =
        new AssertionError(
            "query failed", new SQLException("read", new SocketTimeoutException("Read timed out")));
    AssertionError missingTable =
        new AssertionError("query failed", new SQLException("Code: 60. UNKNOWN_TABLE"));

    assertThat(ClickHouseReads.timedOut(timedOut)).isTrue();
    assertThat(ClickHouseReads.timedOut(missingTable)).isFalse();
  }

  @Test
  void shouldFailAtOnceWhenTheServerStopsAnswering() throws Exception {
    // Accepts connections and never answers: a hung ClickHouse.
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread.ofVirtual().start(() -> acceptForever(silent));
      String url = "jdbc:clickhouse://127.0.0.1:" + silent.getLocalPort() + "/default";
      long start = System.nanoTime();

      assertThatThrownBy(
              () -> {
                try (ClickHouseReads reads = new ClickHouseReads(url, Duration.ofSeconds(2))) {
                  reads.countOrZero("SELECT count() FROM t");
                }
              })
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("did not answer within PT2S");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }
  }

  private static void acceptForever(ServerSocket server) {
    List<Socket> held = new ArrayList<>();
    try {
      while (!server.isClosed()) {
        held.add(server.accept());
      }
    } catch (IOException closed) {
      held.forEach(socket -> closeQuietly(socket));
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // the test is over
    }
  }
}
