package io.tokenmeter.testenv;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The selected stack's three services answer, each through the client the project uses. */
@WithTokenmeterStack
class StackServicesIT {

  @Test
  void shouldRoundTripARecordThroughKafka(StackEndpoints endpoints) throws Exception {
    String topic = "stack-it-" + UUID.randomUUID();
    Map<String, Object> producerConfig =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
      producer.send(new ProducerRecord<>(topic, "tenant-a", "hello")).get();
    }
    Map<String, Object> consumerConfig =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            endpoints.kafkaBootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            topic,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class);
    List<ConsumerRecord<String, String>> received = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (received.isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(received::add);
      }
    }
    assertThat(received).hasSize(1);
    assertThat(received.get(0).key()).isEqualTo("tenant-a");
    assertThat(received.get(0).value()).isEqualTo("hello");
  }

  @Test
  void shouldAnswerTheRegistryApi(StackEndpoints endpoints) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(endpoints.schemaRegistryUrl() + "/schemas/types"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"AVRO\"");
  }

  @Test
  void shouldRunSqlThroughClickHouseJdbc(StackEndpoints endpoints) throws Exception {
    try (Connection connection = DriverManager.getConnection(endpoints.clickHouseJdbcUrl());
        Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery("SELECT toDecimal128('1.000000000001', 12) * 3 AS cost")) {
      assertThat(result.next()).isTrue();
      assertThat(result.getBigDecimal("cost")).isEqualByComparingTo("3.000000000003");
    }
  }
}
