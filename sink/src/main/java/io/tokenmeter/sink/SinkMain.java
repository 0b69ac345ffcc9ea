package io.tokenmeter.sink;

import io.tokenmeter.sink.config.SinkSettings;
import io.tokenmeter.sink.config.SinkSettingsLoader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one sink until SIGTERM/SIGINT: {@code java -cp ... io.tokenmeter.sink.SinkMain
 * [sink.properties]}. Settings: the file, then TOKENMETER_SINK_* environment variables. Serves
 * /health/live, /health/ready and /metrics on tokenmeter.sink.http.port (8082) until stopped; exits
 * with status 1 when the loop fails or start-up does (e.g. ClickHouse unreachable for migrations).
 */
public final class SinkMain {

  private static final Logger LOGGER = LoggerFactory.getLogger(SinkMain.class);

  private static final long STATUS_INTERVAL_MS = 10_000;

  private SinkMain() {}

  public static void main(String[] args) throws IOException, SQLException, InterruptedException {
    Map<String, String> file = new HashMap<>();
    if (args.length > 0) {
      Properties properties = new Properties();
      try (Reader reader = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
        properties.load(reader);
      }
      properties.stringPropertyNames().forEach(key -> file.put(key, properties.getProperty(key)));
    }
    SinkSettings settings = SinkSettingsLoader.load(file, System.getenv());
    ClickHouseSink sink = ClickHouseSink.start(settings);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOGGER.info("Stopping sink: {}", sink.metrics());
                  sink.close();
                },
                "tokenmeter-sink-shutdown"));
    while (sink.isRunning()) {
      Thread.sleep(STATUS_INTERVAL_MS);
      LOGGER.debug("{}", sink.metrics());
    }
    if (sink.failure() != null) {
      System.exit(1);
    }
  }
}
