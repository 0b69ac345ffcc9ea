package io.tokenmeter.schema.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * Reads the schemas the gate compares: the current {@code .avsc} sources and the released versions
 * kept under {@code <released-dir>/<record-full-name>/v<N>.avsc}.
 */
public final class SchemaSources {

  /** Where the module keeps its current schemas, relative to the module directory. */
  public static final String CURRENT_DIR = "src/main/avro";

  /** Where the module keeps released versions, relative to the module directory. */
  public static final String RELEASED_DIR = "src/released";

  private static final Pattern VERSION_FILE = Pattern.compile("v([1-9][0-9]*)\\.avsc");

  private SchemaSources() {}

  /**
   * Parses every {@code .avsc} file under {@code avroDir} and returns every named type they define,
   * by full name. Files may reference types of other files in any order: a file whose references
   * are not defined yet is retried after the others.
   *
   * @throws SchemaParseException naming every file that cannot be parsed even with all others
   */
  public static Map<String, Schema> loadCurrent(Path avroDir) {
    Map<String, Schema> named = new TreeMap<>();
    List<Path> pending = new ArrayList<>(avscFiles(avroDir));
    while (!pending.isEmpty()) {
      Map<Path, String> failures = new LinkedHashMap<>();
      for (Path file : pending) {
        try {
          collectNamed(parseWith(named, file), named);
        } catch (AvroRuntimeException e) {
          // Undefined references surface as parse or type exceptions; retry after the others.
          failures.put(file, e.getMessage());
        }
      }
      if (failures.size() == pending.size()) {
        throw new SchemaParseException(
            "cannot parse these schema files (a broken file also blocks the files that use its"
                + " types): "
                + failures);
      }
      pending = new ArrayList<>(failures.keySet());
    }
    return named;
  }

  private static Schema parseWith(Map<String, Schema> known, Path file) {
    try {
      // A fresh parser per attempt: a failed parse must not leave half-defined names behind.
      return new Schema.Parser().addTypes(known.values()).parse(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema file " + file, e);
    }
  }

  /**
   * Reads every released version under {@code releasedDir}. A missing directory means nothing was
   * released yet.
   *
   * @throws IllegalStateException if a file is misnamed or sits under the wrong record directory
   */
  public static List<ReleasedSchema> loadReleased(Path releasedDir) {
    List<ReleasedSchema> released = new ArrayList<>();
    for (Path file : avscFiles(releasedDir)) {
      String directoryName = file.getParent().getFileName().toString();
      Matcher version = VERSION_FILE.matcher(file.getFileName().toString());
      if (!version.matches()) {
        throw new IllegalStateException(
            file + " is not named v<N>.avsc (N = 1, 2, ...): rename it so the gate can order it");
      }
      Schema schema = parseSelfContained(file);
      if (!schema.getFullName().equals(directoryName)) {
        throw new IllegalStateException(
            file
                + " defines "
                + schema.getFullName()
                + " but sits under "
                + directoryName
                + ": move it to "
                + releasedDir.resolve(schema.getFullName()));
      }
      released.add(
          new ReleasedSchema(schema.getFullName(), Integer.parseInt(version.group(1)), schema));
    }
    return released;
  }

  private static Schema parseSelfContained(Path file) {
    try {
      // A fresh parser: a released file must not lean on types defined elsewhere.
      return new Schema.Parser().parse(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read released schema " + file, e);
    }
  }

  private static List<Path> avscFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".avsc")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list schema files under " + dir, e);
    }
  }

  private static void collectNamed(Schema schema, Map<String, Schema> named) {
    switch (schema.getType()) {
      case RECORD:
        if (named.putIfAbsent(schema.getFullName(), schema) == null) {
          schema.getFields().forEach(field -> collectNamed(field.schema(), named));
        }
        break;
      case ENUM:
      case FIXED:
        named.putIfAbsent(schema.getFullName(), schema);
        break;
      case ARRAY:
        collectNamed(schema.getElementType(), named);
        break;
      case MAP:
        collectNamed(schema.getValueType(), named);
        break;
      case UNION:
        schema.getTypes().forEach(branch -> collectNamed(branch, named));
        break;
      default:
        break;
    }
  }
}
