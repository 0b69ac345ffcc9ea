package io.tokenmeter.devregistry;

import java.util.List;

/**
 * Where accepted changes are recorded before they take effect. The in-memory registry uses {@link
 * #NONE}; a registry with a data directory uses {@link FileJournal}.
 */
interface Journal extends AutoCloseable {

  /** Records nothing: state lives only as long as the process. */
  Journal NONE =
      new Journal() {
        @Override
        public void append(List<RegistryEvent> events) {}

        @Override
        public void close() {}
      };

  /** Durably records the events, in order, before returning. */
  void append(List<RegistryEvent> events);

  @Override
  void close();
}
