package io.tokenmeter.devregistry;

import java.util.List;

/** What a write operation decided: the events to record and apply, and the answer to return. */
record Change<T>(List<RegistryEvent> events, T result) {
  Change {
    events = List.copyOf(events);
  }

  static <T> Change<T> none(T result) {
    return new Change<>(List.of(), result);
  }
}
