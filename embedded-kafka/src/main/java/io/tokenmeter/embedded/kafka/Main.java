package io.tokenmeter.embedded.kafka;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the embedded broker standalone until the JVM is asked to stop (Ctrl-C, SIGTERM): {@code java
 * io.tokenmeter.embedded.kafka.Main --data-dir DIR --port 9092}.
 *
 * <p>This is a command-line entry point, so it talks to the terminal directly: the ready line goes
 * to stdout (whoever launched it can wait for it), usage errors to stderr with exit code 2.
 */
public final class Main {

  private static final Logger LOGGER = LoggerFactory.getLogger(Main.class);
  private static final int START_FAILED = 1;
  private static final int USAGE_ERROR = 2;

  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    MainArguments arguments;
    EmbeddedKafka kafka;
    try {
      arguments = MainArguments.parse(args);
      if (arguments.help()) {
        System.out.print(MainArguments.USAGE);
        return;
      }
      kafka = arguments.toBuilder().build();
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(USAGE_ERROR);
      return;
    }

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  kafka.close();
                  stopped.countDown();
                },
                "embedded-kafka-main-shutdown"));
    try {
      kafka.start();
    } catch (IllegalStateException e) {
      System.err.println("Kafka did not start: " + e.getMessage());
      System.exit(START_FAILED);
    }
    LOGGER.info("data directory {}", kafka.dataDir());
    System.out.println("Kafka ready: bootstrap.servers=" + kafka.bootstrapServers());
    System.out.flush();
    stopped.await();
  }
}
