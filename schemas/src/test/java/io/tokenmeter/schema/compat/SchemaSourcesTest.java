package io.tokenmeter.schema.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaSourcesTest {

  static final String PART =
      "{\"type\": \"record\", \"name\": \"Part\", \"namespace\": \"t\", \"fields\": ["
          + "{\"name\": \"kind\", \"type\": \"t.Kind\", \"default\": \"UNKNOWN\"}]}";
  static final String KIND =
      "{\"type\": \"enum\", \"name\": \"Kind\", \"namespace\": \"t\", \"symbols\": [\"UNKNOWN\"],"
          + " \"default\": \"UNKNOWN\"}";
  static final String WHOLE =
      "{\"type\": \"record\", \"name\": \"Whole\", \"namespace\": \"t\", \"fields\": ["
          + "{\"name\": \"part\", \"type\": \"t.Part\"}]}";

  @TempDir Path dir;

  @Test
  void shouldResolveReferencesBetweenFilesWhateverTheirOrder() throws IOException {
    // Alphabetical order puts the file that references the others first.
    write("a/AWhole.avsc", WHOLE);
    write("b/BPart.avsc", PART);
    write("c/CKind.avsc", KIND);

    Map<String, Schema> current = SchemaSources.loadCurrent(dir);

    assertThat(current).containsOnlyKeys("t.Whole", "t.Part", "t.Kind");
    assertThat(current.get("t.Whole").getField("part").schema()).isEqualTo(current.get("t.Part"));
  }

  @Test
  void shouldNameTheFileThatReferencesAnUndefinedType() throws IOException {
    write("Whole.avsc", WHOLE);

    assertThatThrownBy(() -> SchemaSources.loadCurrent(dir))
        .isInstanceOf(SchemaParseException.class)
        .hasMessageContaining("Whole.avsc");
  }

  @Test
  void shouldNameTheBrokenFileAndTheFilesItBlocks() throws IOException {
    write("Whole.avsc", WHOLE);
    write("Part.avsc", PART.replace("t.Kind", "t.Knid"));
    write("Kind.avsc", KIND);

    assertThatThrownBy(() -> SchemaSources.loadCurrent(dir))
        .isInstanceOf(SchemaParseException.class)
        .hasMessageContaining("Part.avsc")
        .hasMessageContaining("t.Knid")
        .hasMessageContaining("Whole.avsc");
  }

  @Test
  void shouldReadReleasedVersionsFromRecordDirectories() throws IOException {
    write("t.Kind/v1.avsc", KIND);
    write("t.Kind/v2.avsc", KIND.replace("[\"UNKNOWN\"]", "[\"UNKNOWN\", \"A\"]"));

    List<ReleasedSchema> released = SchemaSources.loadReleased(dir);

    assertThat(released).extracting(ReleasedSchema::label).containsExactly("v1", "v2");
    assertThat(released.get(1).schema().getEnumSymbols()).containsExactly("UNKNOWN", "A");
  }

  @Test
  void shouldRejectAReleasedFileUnderTheWrongRecordDirectory() throws IOException {
    write("t.Other/v1.avsc", KIND);

    assertThatThrownBy(() -> SchemaSources.loadReleased(dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("defines t.Kind but sits under t.Other");
  }

  @Test
  void shouldRejectAReleasedFileWithoutVersionName() throws IOException {
    write("t.Kind/latest.avsc", KIND);

    assertThatThrownBy(() -> SchemaSources.loadReleased(dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is not named v<N>.avsc");
  }

  @Test
  void shouldTreatAMissingReleasedDirectoryAsNothingReleased() {
    assertThat(SchemaSources.loadReleased(dir.resolve("absent"))).isEmpty();
  }

  private void write(String relative, String content) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
