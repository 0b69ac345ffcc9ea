package io.tokenmeter.devregistry;

import java.io.IOException;
import java.util.List;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads and initialises Jackson databind and Avro's parser and compatibility checker in the
 * background right after start-up. Without it the first client request pays several hundred
 * milliseconds of class initialisation; with it, start-up itself stays short and the first request
 * usually finds everything ready (if it arrives sooner, it simply waits for the same initialisation
 * it would have done itself).
 */
final class Warmup {
  private static final Logger LOGGER = LoggerFactory.getLogger(Warmup.class);
  private static final String SAMPLE =
      "{\"type\":\"record\",\"name\":\"Warmup\",\"fields\":[{\"name\":\"f\",\"type\":\"long\"}]}";

  private Warmup() {}

  static void inBackground() {
    Thread.ofVirtual().name("dev-registry-warmup").start(Warmup::run);
  }

  private static void run() {
    long started = System.nanoTime();
    try {
      JsonViews.MAPPER.writeValueAsString(JsonViews.MAPPER.readTree("{\"warm\":[1]}"));
      Schema schema =
          new AvroSchemaParser(
                  reference -> {
                    throw new IllegalStateException("the warm-up schema has no references");
                  })
              .parse(SAMPLE, List.of())
              .avro();
      CompatibilityChecker.check(
          schema,
          List.of(new CompatibilityChecker.VersionedSchema(schema, "warm-up")),
          CompatibilityLevel.FULL);
      LOGGER.debug("Warm-up done in {} ms", (System.nanoTime() - started) / 1_000_000);
    } catch (IOException | RuntimeException e) {
      // Only an optimisation: a failure here changes nothing about what requests will do.
      LOGGER.debug("Warm-up failed: {}", e.toString());
    }
  }
}
