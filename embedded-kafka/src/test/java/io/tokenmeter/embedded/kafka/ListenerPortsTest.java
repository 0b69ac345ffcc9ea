package io.tokenmeter.embedded.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListenerPortsTest {

  private static final String HOST = "127.0.0.1";

  @Test
  void shouldPickTwoDistinctFreePortsWhenNothingWasUsedBefore() {
    ListenerPorts ports = ListenerPorts.choose(HOST, 0, Optional.empty());

    assertThat(ports.broker()).isNotEqualTo(ports.controller());
    assertThat(ListenerPorts.isFree(HOST, ports.broker())).isTrue();
    assertThat(ListenerPorts.isFree(HOST, ports.controller())).isTrue();
  }

  @Test
  void shouldReuseThePreviousPortsWhenTheyAreStillFree() {
    ListenerPorts previous = ListenerPorts.choose(HOST, 0, Optional.empty());

    assertThat(ListenerPorts.choose(HOST, 0, Optional.of(previous))).isEqualTo(previous);
  }

  @Test
  void shouldPickAnotherPortWhenThePreviousOneIsTaken() throws Exception {
    try (ServerSocket taken = bound()) {
      ListenerPorts previous = new ListenerPorts(taken.getLocalPort(), freePort());

      ListenerPorts chosen = ListenerPorts.choose(HOST, 0, Optional.of(previous));

      assertThat(chosen.broker()).isNotEqualTo(taken.getLocalPort());
      assertThat(chosen.controller()).isEqualTo(previous.controller());
    }
  }

  @Test
  void shouldRefuseARequestedPortThatIsInUseWithAHint() throws Exception {
    try (ServerSocket taken = bound()) {
      assertThatThrownBy(() -> ListenerPorts.choose(HOST, taken.getLocalPort(), Optional.empty()))
          .hasMessageContaining("already in use")
          .hasMessageContaining("0 picks a free one");
    }
  }

  @Test
  void shouldUseARequestedFreePortAsIs() throws Exception {
    int port = freePort();

    assertThat(ListenerPorts.choose(HOST, port, Optional.empty()).broker()).isEqualTo(port);
  }

  private static ServerSocket bound() throws Exception {
    ServerSocket socket = new ServerSocket();
    socket.bind(new InetSocketAddress(HOST, 0));
    return socket;
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = bound()) {
      return socket.getLocalPort();
    }
  }
}
