package io.tokenmeter.clickhouse.engine.chdb;

/**
 * libchdb.so could not be found where the configuration says it is. The message says what to run or
 * which variable to set; callers (test environments, {@code dev} mode) show it as it is.
 */
public final class ChdbLibraryNotFoundException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  public ChdbLibraryNotFoundException(String message) {
    super(message);
  }
}
