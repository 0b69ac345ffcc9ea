package io.tokenmeter.dev;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes {@code endpoints.json} atomically, so a tool polling for it never reads half a file. */
public final class EndpointsFile {

  public static final String NAME = "endpoints.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private EndpointsFile() {}

  public static Path write(Path dataDir, Endpoints endpoints) throws IOException {
    Path target = dataDir.resolve(NAME);
    Path temp = dataDir.resolve(NAME + ".tmp");
    Files.writeString(temp, JSON.writeValueAsString(endpoints.toJson()) + "\n");
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return target;
  }
}
