package io.tokenmeter.processor.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

class RouteTest {
  private static final HostInfo SELF = new HostInfo("processor-0.processor", 8080);
  private static final HostInfo OTHER = new HostInfo("processor-1.processor", 8080);

  private static KeyQueryMetadata ownedBy(HostInfo host) {
    return new KeyQueryMetadata(host, Set.of(), 3);
  }

  @Test
  void shouldServeLocallyWhenThisInstanceOwnsTheKey() {
    assertThat(Route.decide(ownedBy(SELF), SELF, false)).isEqualTo(new Route.Local());
  }

  @Test
  void shouldForwardToTheOwningInstance() {
    assertThat(Route.decide(ownedBy(OTHER), SELF, false)).isEqualTo(new Route.Forward(OTHER));
  }

  @Test
  void shouldNotForwardARequestTwice() {
    assertThat(Route.decide(ownedBy(OTHER), SELF, true)).isEqualTo(new Route.Local());
  }

  @Test
  void shouldReportUnavailableDuringRebalance() {
    assertThat(Route.decide(KeyQueryMetadata.NOT_AVAILABLE, SELF, false))
        .isEqualTo(new Route.Unavailable());
    assertThat(Route.decide(KeyQueryMetadata.NOT_AVAILABLE, SELF, true))
        .isEqualTo(new Route.Unavailable());
  }
}
