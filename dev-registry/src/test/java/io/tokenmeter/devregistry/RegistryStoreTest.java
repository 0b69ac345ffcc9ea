package io.tokenmeter.devregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryStoreTest {
  private static final SchemaRequest V1 =
      new SchemaRequest(TestSchemas.USAGE_V1, SchemaRequest.AVRO, List.of(), null, null);

  /** A journal that records what it was given, or fails like a full disk. */
  private static final class FakeJournal implements Journal {
    final List<RegistryEvent> written = new ArrayList<>();
    boolean failing;

    @Override
    public void append(List<RegistryEvent> events) {
      if (failing) {
        throw Errors.storeError("disk full");
      }
      written.addAll(events);
    }

    @Override
    public void close() {}
  }

  @Test
  void shouldLeaveTheStateUnchangedWhenTheJournalCannotWrite() {
    FakeJournal journal = new FakeJournal();
    journal.failing = true;
    RegistryStore store = new RegistryStore(journal, List.of());
    assertThatThrownBy(() -> store.write(s -> SchemaOperations.register(s, "usage", V1, 409)))
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(50001));
    List<SubjectVersion> versions = store.read(s -> s.versions("usage"));
    assertThat(versions).isEmpty();

    journal.failing = false;
    int id = store.write(s -> SchemaOperations.register(s, "usage", V1, 409));
    assertThat(id).isEqualTo(1);
    assertThat(journal.written).hasSize(1);
  }

  @Test
  void shouldRebuildTheSameStateFromTheEventsItWrote() {
    FakeJournal journal = new FakeJournal();
    RegistryStore original = new RegistryStore(journal, List.of());
    original.write(s -> SchemaOperations.register(s, "a", V1, 409));
    original.write(s -> SchemaOperations.register(s, "b", V1, 409));
    original.write(s -> DeleteOperations.deleteSubject(s, "a", false));
    original.write(s -> ConfigOperations.set(s, "b", CompatibilityLevel.FULL));

    RegistryStore replayed = new RegistryStore(Journal.NONE, journal.written);
    for (String subject : List.of("a", "b")) {
      List<SubjectVersion> expected = original.read(s -> s.versions(subject));
      List<SubjectVersion> actual = replayed.read(s -> s.versions(subject));
      assertThat(actual).isEqualTo(expected).isNotEmpty();
    }
    CompatibilityLevel level = replayed.read(s -> s.effectiveLevel("b"));
    assertThat(level).isEqualTo(CompatibilityLevel.FULL);
    int maxId = replayed.read(RegistryState::maxId);
    assertThat(maxId).isEqualTo(1);
  }

  @Test
  void shouldRefuseAJournalThatCannotBeReplayed() {
    List<RegistryEvent> broken = List.of(new RegistryEvent.VersionSoftDeleted("ghost", 1));
    assertThatThrownBy(() -> new RegistryStore(Journal.NONE, broken))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Journal entry 1 cannot be replayed");
  }
}
