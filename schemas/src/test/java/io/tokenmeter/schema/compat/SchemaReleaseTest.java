package io.tokenmeter.schema.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaReleaseTest {

  @TempDir Path work;

  private Path released;

  @BeforeEach
  void createReleasedDirectory() {
    released = work.resolve("released");
  }

  @Test
  void shouldWriteASelfContainedFirstVersion() throws IOException {
    Map<String, Schema> current = currentWithKindSymbols("\"UNKNOWN\"");

    Optional<Path> written = SchemaRelease.release(current, released, "t.Whole");

    assertThat(written).contains(released.resolve("t.Whole").resolve("v1.avsc"));
    // Parsed alone, without the shared type files: the release must not depend on them.
    Schema frozen = new Schema.Parser().parse(written.get().toFile());
    assertThat(frozen).isEqualTo(current.get("t.Whole"));
  }

  @Test
  void shouldWriteNothingWhenUnchangedSinceTheLatestRelease() {
    Map<String, Schema> current = currentWithKindSymbols("\"UNKNOWN\"");
    SchemaRelease.release(current, released, "t.Whole");

    assertThat(SchemaRelease.release(current, released, "t.Whole")).isEmpty();
  }

  @Test
  void shouldWriteTheNextVersionAfterACompatibleChange() {
    SchemaRelease.release(currentWithKindSymbols("\"UNKNOWN\""), released, "t.Whole");

    Optional<Path> written =
        SchemaRelease.release(currentWithKindSymbols("\"UNKNOWN\", \"A\""), released, "t.Whole");

    assertThat(written).contains(released.resolve("t.Whole").resolve("v2.avsc"));
    assertThat(SchemaSources.loadReleased(released)).hasSize(2);
  }

  @Test
  void shouldRefuseToReleaseAnIncompatibleChange() {
    SchemaRelease.release(currentWithKindSymbols("\"UNKNOWN\", \"A\""), released, "t.Whole");

    assertThatThrownBy(
            () -> SchemaRelease.release(currentWithKindSymbols("\"UNKNOWN\""), released, "t.Whole"))
        .isInstanceOf(IncompatibleSchemaChangeException.class)
        .hasMessageContaining("field 'part.kind'");
    assertThat(Files.exists(released.resolve("t.Whole").resolve("v2.avsc"))).isFalse();
  }

  @Test
  void shouldRejectAnUnknownRecordName() {
    assertThatThrownBy(
            () -> SchemaRelease.release(currentWithKindSymbols("\"UNKNOWN\""), released, "Whole"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("use a full name");
  }

  private Map<String, Schema> currentWithKindSymbols(String symbols) {
    Path sources = work.resolve("src-" + symbols.length());
    try {
      Files.createDirectories(sources);
      Files.writeString(sources.resolve("Whole.avsc"), SchemaSourcesTest.WHOLE);
      Files.writeString(sources.resolve("Part.avsc"), SchemaSourcesTest.PART);
      Files.writeString(
          sources.resolve("Kind.avsc"),
          SchemaSourcesTest.KIND.replace("[\"UNKNOWN\"]", "[" + symbols + "]"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return SchemaSources.loadCurrent(sources);
  }
}
