package io.tokenmeter.devregistry;

import java.util.List;
import java.util.function.Function;

/**
 * Serialises all access to the {@link RegistryState}. Writes are decided against the current state,
 * recorded in the journal, and only then applied, so memory never holds a change the journal lacks.
 */
final class RegistryStore implements AutoCloseable {
  private final RegistryState state = new RegistryState();
  private final Journal journal;

  /** Rebuilds the state from {@code history} (the journal's content, oldest first). */
  RegistryStore(Journal journal, List<RegistryEvent> history) {
    this.journal = journal;
    for (int i = 0; i < history.size(); i++) {
      try {
        state.apply(history.get(i));
      } catch (RuntimeException e) {
        throw new IllegalStateException(
            "Journal entry "
                + (i + 1)
                + " cannot be replayed ("
                + e.getMessage()
                + "); the data directory is damaged: repair it or start with an empty one",
            e);
      }
    }
  }

  synchronized <T> T read(Function<RegistryState, T> query) {
    return query.apply(state);
  }

  synchronized <T> T write(Function<RegistryState, Change<T>> operation) {
    Change<T> change = operation.apply(state);
    if (!change.events().isEmpty()) {
      journal.append(change.events());
      change.events().forEach(state::apply);
    }
    return change.result();
  }

  @Override
  public synchronized void close() {
    journal.close();
  }
}
