/**
 * Client for the Confluent Schema Registry REST API (v1), Avro only, tolerant of the differences
 * between Confluent, Karapace, Apicurio's ccompat API and the dev registry.
 *
 * <p>Entry points: {@link io.tokenmeter.registry.SchemaRegistryClients#create(java.util.Map)} (REST
 * or {@code mock://scope}), {@link io.tokenmeter.registry.SchemaRegistryClient} (the API), {@link
 * io.tokenmeter.registry.RegistryClientConfig} (settings with Confluent's key names). Failures are
 * {@link io.tokenmeter.registry.SchemaRegistryException} subclasses.
 */
package io.tokenmeter.registry;
