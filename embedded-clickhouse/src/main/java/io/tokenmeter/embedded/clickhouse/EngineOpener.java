package io.tokenmeter.embedded.clickhouse;

import io.tokenmeter.clickhouse.engine.QueryEngine;
import java.nio.file.Path;

/** Opens the engine behind the endpoint; the real one is chdb, tests may pass a fake. */
@FunctionalInterface
public interface EngineOpener {

  /** Opens an engine whose data lives under {@code dataDirectory}. */
  QueryEngine open(Path dataDirectory);
}
