package io.tokenmeter.schema.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Releases a record: freezes its current schema as the next {@code v<N>.avsc} under the released
 * directory, written self-contained (shared types inlined) so later edits of shared types cannot
 * change what was released.
 */
public final class SchemaRelease {

  private static final Logger LOGGER = LoggerFactory.getLogger(SchemaRelease.class);

  private SchemaRelease() {}

  /**
   * Writes the next version of {@code fullName} unless the latest released version is identical.
   *
   * @return the file written, or empty when nothing changed since the latest release
   * @throws IllegalArgumentException if no current schema defines {@code fullName}
   * @throws IncompatibleSchemaChangeException if the current schema breaks a released version
   */
  public static Optional<Path> release(
      Map<String, Schema> current, Path releasedDir, String fullName) {
    Schema schema = current.get(fullName);
    if (schema == null || schema.getType() != Schema.Type.RECORD) {
      throw new IllegalArgumentException(
          "no current record named " + fullName + ": use a full name such as " + current.keySet());
    }
    List<ReleasedSchema> versions =
        SchemaSources.loadReleased(releasedDir).stream()
            .filter(version -> version.fullName().equals(fullName))
            .sorted(Comparator.comparingInt(ReleasedSchema::version))
            .toList();
    CompatibilityGate.forBuild().enforce(current, versions);
    String json = pretty(schema);
    if (!versions.isEmpty()) {
      ReleasedSchema latest = versions.get(versions.size() - 1);
      if (pretty(latest.schema()).equals(json)) {
        return Optional.empty();
      }
    }
    Path target = releasedDir.resolve(fullName).resolve("v" + (versions.size() + 1) + ".avsc");
    try {
      Files.createDirectories(target.getParent());
      Files.writeString(target, json, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
    return Optional.of(target);
  }

  /** Pretty JSON with every named type inlined at first use, so the file stands alone. */
  private static String pretty(Schema schema) {
    return SchemaFormatter.format("json/pretty", schema) + "\n";
  }

  /**
   * Command line: {@code <module-dir> <record-full-name>...}. The module's pom runs it with {@code
   * ./mvnw -pl schemas process-classes exec:java -Drelease.records="a.B c.D"}.
   */
  public static void main(String[] args) {
    if (args.length < 2) {
      throw new IllegalArgumentException(
          "usage: SchemaRelease <module-dir> <record-full-name>... (set -Drelease.records)");
    }
    Path moduleDir = Path.of(args[0]);
    Map<String, Schema> current =
        SchemaSources.loadCurrent(moduleDir.resolve(SchemaSources.CURRENT_DIR));
    Path releasedDir = moduleDir.resolve(SchemaSources.RELEASED_DIR);
    for (int i = 1; i < args.length; i++) {
      Optional<Path> written = release(current, releasedDir, args[i]);
      if (written.isPresent()) {
        LOGGER.info("Released {} as {}", args[i], written.get());
      } else {
        LOGGER.info("{} is unchanged since its latest release; nothing written", args[i]);
      }
    }
  }
}
