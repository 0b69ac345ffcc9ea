package io.tokenmeter.processor.api;

import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Where a key's state lives: here, on another instance (forward to it), or nowhere right now (a
 * rebalance is running, or {@code application.server} is not set on the owner).
 */
public sealed interface Route {
  record Local() implements Route {}

  record Forward(HostInfo owner) implements Route {}

  record Unavailable() implements Route {}

  /**
   * The route for a key's metadata seen from {@code self}. A request that was already forwarded
   * once is served locally whatever the metadata says: two instances with different views of an
   * ongoing rebalance must not bounce it between them.
   */
  static Route decide(KeyQueryMetadata metadata, HostInfo self, boolean alreadyForwarded) {
    if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
      return new Unavailable();
    }
    HostInfo owner = metadata.activeHost();
    if (owner == null || owner.port() < 0) {
      return new Unavailable();
    }
    if (owner.equals(self) || alreadyForwarded) {
      return new Local();
    }
    return new Forward(owner);
  }
}
