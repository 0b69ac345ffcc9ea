package io.tokenmeter.dev;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortCheckTest {

  @Test
  void shouldNameTheFlagWhenThePortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();

      assertThatThrownBy(() -> PortCheck.requireFree(port, "Kafka", "--kafka-port"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("port " + port + " for Kafka is in use")
          .hasMessageContaining("--kafka-port N");
    }
  }

  @Test
  void shouldAcceptAFreePortAndPortZero() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    assertThatCode(() -> PortCheck.requireFree(port, "Kafka", "--kafka-port"))
        .doesNotThrowAnyException();
    assertThatCode(() -> PortCheck.requireFree(0, "Kafka", "--kafka-port"))
        .doesNotThrowAnyException();
  }
}
