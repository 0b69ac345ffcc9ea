package io.tokenmeter.clickhouse.engine.chdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChdbLibraryLocatorTest {

  @TempDir Path dir;
  private final Map<String, String> properties = new HashMap<>();
  private final Map<String, String> environment = new HashMap<>();

  private ChdbLibraryLocator locator() {
    return new ChdbLibraryLocator(properties::get, environment::get, dir.resolve("home"));
  }

  private Path library(String name) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, "not really a library");
  }

  @Test
  void shouldPreferTheSystemPropertyOverTheEnvironment() throws IOException {
    Path fromProperty = library("a/libchdb.so");
    properties.put(ChdbLibraryLocator.LIBRARY_PROPERTY, fromProperty.toString());
    environment.put(ChdbLibraryLocator.LIBRARY_ENV, library("b/libchdb.so").toString());

    assertThat(locator().locate()).isEqualTo(fromProperty);
  }

  @Test
  void shouldUseTheEnvironmentVariableWhenNoPropertyIsSet() throws IOException {
    Path fromEnv = library("b/libchdb.so");
    environment.put(ChdbLibraryLocator.LIBRARY_ENV, fromEnv.toString());

    assertThat(locator().locate()).isEqualTo(fromEnv);
  }

  @Test
  void shouldRejectAnExplicitPathThatDoesNotExistInsteadOfFallingBack() throws IOException {
    environment.put(ChdbLibraryLocator.LIBRARY_ENV, dir.resolve("missing.so").toString());
    environment.put(ChdbLibraryLocator.CACHE_ENV, dir.toString());
    library("chdb/" + ChdbLibraryLocator.CHDB_VERSION + "/libchdb.so");

    assertThatThrownBy(() -> locator().locate())
        .isInstanceOf(ChdbLibraryNotFoundException.class)
        .hasMessageContaining(ChdbLibraryLocator.LIBRARY_ENV)
        .hasMessageContaining("missing.so");
  }

  @Test
  void shouldFindTheSetupCacheUnderTokenmeterCache() throws IOException {
    environment.put(ChdbLibraryLocator.CACHE_ENV, dir.resolve("cache").toString());
    Path cached = library("cache/chdb/26.5.3/libchdb.so");

    assertThat(locator().locate()).isEqualTo(cached);
  }

  @Test
  void shouldPlaceTheCacheUnderXdgCacheHomeThenUserHome() {
    assertThat(locator().cachedLibraryPath())
        .isEqualTo(dir.resolve("home/.cache/tokenmeter/chdb/26.5.3/libchdb.so"));

    environment.put("XDG_CACHE_HOME", dir.resolve("xdg").toString());
    assertThat(locator().cachedLibraryPath())
        .isEqualTo(dir.resolve("xdg/tokenmeter/chdb/26.5.3/libchdb.so"));
  }

  @Test
  void shouldSayWhatToRunWhenNothingIsInstalled() {
    assertThatThrownBy(() -> locator().locate())
        .isInstanceOf(ChdbLibraryNotFoundException.class)
        .hasMessageContaining("./tokenmeter setup")
        .hasMessageContaining(ChdbLibraryLocator.LIBRARY_ENV)
        .hasMessageContaining(locator().cachedLibraryPath().toString());
  }
}
