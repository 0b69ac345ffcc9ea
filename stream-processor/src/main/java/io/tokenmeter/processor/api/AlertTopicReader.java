package io.tokenmeter.processor.api;

import io.tokenmeter.processor.config.ProcessorSettings;
import io.tokenmeter.schema.v1.BudgetAlert;
import io.tokenmeter.serde.AvroSerde;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the budget-alerts topic from the beginning into {@link RecentAlerts}, with {@code
 * read_committed} so alerts of aborted transactions are never shown. No consumer group: every
 * instance reads every partition (assign, not subscribe), so any instance answers for any tenant.
 */
public final class AlertTopicReader implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(AlertTopicReader.class);
  private static final Duration POLL = Duration.ofMillis(500);

  private final KafkaConsumer<String, BudgetAlert> consumer;
  private final String topic;
  private final RecentAlerts alerts;
  private final Thread thread;

  public AlertTopicReader(ProcessorSettings settings, RecentAlerts alerts) {
    this.topic = settings.budgetAlertsTopic();
    this.alerts = alerts;
    Properties properties = new Properties();
    // Connection and security settings are shared with Kafka Streams; consumer-only keys follow.
    settings.streamsProperties().forEach(properties::put);
    properties.keySet().removeIf(key -> !isClientKey(key.toString()));
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    AvroSerde<BudgetAlert> serde = AvroSerde.specific(BudgetAlert.class);
    serde.configure(settings.all(), false);
    this.consumer = new KafkaConsumer<>(properties, new StringDeserializer(), serde.deserializer());
    this.thread = new Thread(this::run, "tokenmeter-api-alert-reader");
    this.thread.setDaemon(true);
  }

  private static boolean isClientKey(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    return lower.equals("bootstrap.servers")
        || lower.startsWith("security.")
        || lower.startsWith("sasl.")
        || lower.startsWith("ssl.")
        || lower.equals("client.dns.lookup");
  }

  public void start() {
    thread.start();
  }

  private void run() {
    try {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(info -> new TopicPartition(topic, info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (!Thread.currentThread().isInterrupted()) {
        for (ConsumerRecord<String, BudgetAlert> record : consumer.poll(POLL)) {
          if (record.value() != null) {
            alerts.add(record.value());
          }
        }
      }
    } catch (WakeupException e) {
      LOGGER.debug("Alert reader stopped");
    } catch (RuntimeException e) {
      LOGGER.error("Alert reader failed; /v1/tenants/*/alerts stops updating", e);
    } finally {
      consumer.close();
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (thread.isAlive()) {
      consumer.wakeup();
      thread.join(Duration.ofSeconds(5));
    } else if (thread.getState() == Thread.State.NEW) {
      consumer.close();
    }
  }
}
