package io.tokenmeter.processor.api;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;

/**
 * Which instance holds a tenant's state in a store. Every store the API reads is in the task of the
 * priced-usage partition, and that topic is keyed by tenant id, so the tenant id is the key to ask
 * about. A seam, so routing is testable without a cluster.
 */
@FunctionalInterface
public interface OwnerLookup {
  KeyQueryMetadata ownerOf(String storeName, String tenantId);

  static OwnerLookup of(KafkaStreams streams) {
    StringSerializer serializer = new StringSerializer();
    return (store, tenant) -> streams.queryMetadataForKey(store, tenant, serializer);
  }
}
