/**
 * Kafka serializer, deserializer and serde for Avro in the Confluent wire format (magic byte 0,
 * 4-byte big-endian schema id, Avro binary), configured with Confluent's key names.
 *
 * <p>Entry points: {@link io.tokenmeter.serde.AvroSerde#specific(Class)} for Kafka Streams, {@link
 * io.tokenmeter.serde.KafkaAvroSerializer} / {@link io.tokenmeter.serde.KafkaAvroDeserializer} for
 * producers and consumers. Failures are {@link io.tokenmeter.serde.AvroSerdeException}s whose
 * {@link io.tokenmeter.serde.SerdeFailure} says why, for routing dead letters.
 */
package io.tokenmeter.serde;
