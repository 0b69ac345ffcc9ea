package io.tokenmeter.embedded.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExactlyOnceStreamsIT {

  private static final String INPUT = "eos-input";
  private static final String OUTPUT = "eos-counts";
  private static final int RECORDS = 10_000;
  private static final int KEYS = 37;
  private static final Path STATE_PARENT = Path.of("target", "streams-state");

  private EmbeddedKafka kafka;

  @BeforeEach
  void startKafka() {
    kafka = EmbeddedKafka.builder().build().start();
    kafka.createTopics(
        List.of(new NewTopic(INPUT, 3, (short) 1), new NewTopic(OUTPUT, 3, (short) 1)));
  }

  @AfterEach
  void stopKafka() {
    kafka.close();
  }

  @Test
  void shouldCountEveryRecordExactlyOnceWithExactlyOnceV2() throws Exception {
    // Under target/, not /tmp: Streams warns about state directories the OS may clean up.
    Files.createDirectories(STATE_PARENT);
    Path stateDir = Files.createTempDirectory(STATE_PARENT, "eos-");
    Random random = new Random(20_261_122L);
    Map<String, Long> expected = new TreeMap<>();
    List<ProducerRecord<String, String>> records = new ArrayList<>();
    for (int i = 0; i < RECORDS; i++) {
      String key = "model-" + random.nextInt(KEYS);
      records.add(new ProducerRecord<>(INPUT, key, "event-" + i));
      expected.merge(key, 1L, Long::sum);
    }
    TestClients.produce(kafka.bootstrapServers(), records);

    Map<String, List<Long>> seen = new HashMap<>();
    long outputOffsets;
    try (KafkaStreams streams = new KafkaStreams(countByKey(), streamsConfig(stateDir));
        KafkaConsumer<String, Long> reader = committedReader()) {
      streams.start();
      reader.subscribe(List.of(OUTPUT));
      TestClients.pollUntil(
          () -> {
            reader
                .poll(Duration.ofMillis(200))
                .forEach(r -> seen.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.value()));
            return latest(seen).equals(expected);
          },
          "waiting for the committed counts");
      streams.close(Duration.ofSeconds(30));
      outputOffsets =
          reader.endOffsets(reader.assignment()).values().stream().mapToLong(Long::longValue).sum();
    }

    assertThat(latest(seen)).isEqualTo(expected);
    // Exactly once: no update of a count is ever seen twice or out of order.
    seen.forEach((key, counts) -> assertThat(counts).as(key).isSorted().doesNotHaveDuplicates());
    // The output was written in transactions: their commit markers take offsets too.
    long outputRecords = seen.values().stream().mapToLong(List::size).sum();
    assertThat(outputOffsets).isGreaterThan(outputRecords);
  }

  private static Topology countByKey() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(INPUT, Consumed.with(Serdes.String(), Serdes.String()))
        .groupByKey(Grouped.with("by-key", Serdes.String(), Serdes.String()))
        .count(Materialized.as("counts"))
        .toStream()
        .to(OUTPUT, Produced.with(Serdes.String(), Serdes.Long()));
    return builder.build();
  }

  private Properties streamsConfig(Path stateDir) {
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "eos-count-it");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
    config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    return config;
  }

  private KafkaConsumer<String, Long> committedReader() {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, "eos-reader",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return new KafkaConsumer<>(config, new StringDeserializer(), new LongDeserializer());
  }

  private static Map<String, Long> latest(Map<String, List<Long>> seen) {
    Map<String, Long> latest = new TreeMap<>();
    seen.forEach((key, counts) -> latest.put(key, counts.getLast()));
    return latest;
  }
}
