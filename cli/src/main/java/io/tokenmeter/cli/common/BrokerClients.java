package io.tokenmeter.cli.common;

import io.tokenmeter.registry.RegistryClientConfig;
import io.tokenmeter.serde.AvroSerdeConfig;
import io.tokenmeter.serde.KafkaAvroDeserializer;
import io.tokenmeter.serde.KafkaAvroSerializer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link KafkaClients} for a real cluster and schema registry. */
public final class BrokerClients implements KafkaClients {

  private static final Logger LOGGER = LoggerFactory.getLogger(BrokerClients.class);

  /** A CLI should fail within seconds when the broker is unreachable, not Kafka's 60 s. */
  public static final int DEFAULT_TIMEOUT_MS = 15_000;

  public static final String CLIENT_ID = "tokenmeter-cli";

  @Override
  public Producer<String, SpecificRecord> producer(ConnectionSettings settings) {
    Map<String, Object> config = common(settings);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, DEFAULT_TIMEOUT_MS);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class.getName());
    config.putAll(settings.kafkaProperties());
    return new KafkaProducer<>(config);
  }

  @Override
  public <V extends SpecificRecord> Consumer<String, V> consumer(
      ConnectionSettings settings, Class<V> valueType) {
    Map<String, Object> config = common(settings);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, DEFAULT_TIMEOUT_MS);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, KafkaAvroDeserializer.class.getName());
    config.put(AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, valueType.getName());
    config.putAll(settings.kafkaProperties());
    return new KafkaConsumer<>(config);
  }

  @Override
  public void ensureCompactedTopic(ConnectionSettings settings, String topic) {
    Map<String, Object> config = new HashMap<>();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, CLIENT_ID);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, DEFAULT_TIMEOUT_MS);
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, DEFAULT_TIMEOUT_MS);
    config.putAll(settings.kafkaProperties());
    try (Admin admin = Admin.create(config)) {
      if (!exists(admin, topic)) {
        create(admin, topic);
      } else {
        warnUnlessCompacted(admin, topic);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliFailure("interrupted while checking topic " + topic, e);
    } catch (ExecutionException | TimeoutException e) {
      throw KafkaFailures.describe(e, settings, "check topic " + topic);
    }
  }

  private static boolean exists(Admin admin, String topic)
      throws InterruptedException, ExecutionException, TimeoutException {
    try {
      admin
          .describeTopics(List.of(topic))
          .allTopicNames()
          .get(DEFAULT_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      return true;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return false;
      }
      throw e;
    }
  }

  private static void create(Admin admin, String topic)
      throws InterruptedException, ExecutionException, TimeoutException {
    NewTopic compacted =
        new NewTopic(topic, Optional.empty(), Optional.empty())
            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    try {
      admin.createTopics(List.of(compacted)).all().get(DEFAULT_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      LOGGER.info("created compacted topic {}", topic);
    } catch (ExecutionException e) {
      // Another client created it in between: it exists, which is all we need.
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }

  private static void warnUnlessCompacted(Admin admin, String topic)
      throws InterruptedException, ExecutionException, TimeoutException {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    Config config =
        admin
            .describeConfigs(List.of(resource))
            .all()
            .get(DEFAULT_TIMEOUT_MS, TimeUnit.MILLISECONDS)
            .get(resource);
    ConfigEntry policy = config == null ? null : config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
    if (policy != null && !policy.value().contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
      LOGGER.warn(
          "topic {} has cleanup.policy={}, not compact: old records will expire and the latest"
              + " value per key can be lost; set cleanup.policy=compact on it",
          topic,
          policy.value());
    }
  }

  private static Map<String, Object> common(ConnectionSettings settings) {
    Map<String, Object> config = new HashMap<>();
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    config.put(CommonClientConfigs.CLIENT_ID_CONFIG, CLIENT_ID);
    config.put(RegistryClientConfig.URL, settings.registryUrl());
    return config;
  }
}
