package io.tokenmeter.registry;

import java.util.List;
import org.apache.avro.Schema;

/**
 * The subset of the Confluent Schema Registry API (v1) that tokenmeter uses, for Avro schemas.
 * Implementations: {@link RestSchemaRegistryClient} (HTTP) and {@link MockSchemaRegistry}
 * (in-process, {@code mock://scope} URLs). Create one from serde-style settings with {@link
 * SchemaRegistryClients#create(java.util.Map)}.
 *
 * <p>All methods throw {@link SchemaRegistryException} or one of its subclasses. Implementations
 * are thread-safe.
 */
public interface SchemaRegistryClient extends AutoCloseable {

  /** Registers the schema under the subject (idempotent) and returns its registry-wide id. */
  int register(String subject, Schema schema);

  /**
   * Finds the version of the subject that holds this schema ({@code POST /subjects/{s}}).
   *
   * @throws RegistryNotFoundException when the subject or the schema under it is unknown
   */
  RegisteredSchema lookUp(String subject, Schema schema);

  /**
   * The schema with this id.
   *
   * @param subjectHint subject the id is expected under, or null; a context hint only, never a
   *     filter
   * @throws SchemaNotFoundException when no schema has this id
   */
  Schema getSchemaById(int id, String subjectHint);

  /** The schema with this id; see {@link #getSchemaById(int, String)}. */
  default Schema getSchemaById(int id) {
    return getSchemaById(id, null);
  }

  /** A version (1 or more) of the subject. */
  RegisteredSchema getVersion(String subject, int version);

  /** The highest live version of the subject. */
  RegisteredSchema getLatestVersion(String subject);

  /** Tests the schema against one version (1 or more) of the subject. */
  CompatibilityResult testCompatibility(String subject, Schema schema, int version);

  /** Tests the schema against the latest version; true when the subject has no versions yet. */
  CompatibilityResult testCompatibilityWithLatest(String subject, Schema schema);

  /** The global compatibility level. */
  CompatibilityLevel getCompatibility();

  /** The subject's level, or the global one when the subject has none of its own. */
  CompatibilityLevel getCompatibility(String subject);

  /** Sets the global level. */
  void setCompatibility(CompatibilityLevel level);

  /** Sets the subject's own level. */
  void setCompatibility(String subject, CompatibilityLevel level);

  /** All subjects with live versions, sorted. */
  List<String> getAllSubjects();

  /** The live versions of the subject, ascending. */
  List<Integer> getAllVersions(String subject);

  /**
   * Deletes the subject; soft unless {@code permanent} (a permanent delete needs a soft one first).
   * Schema ids stay resolvable after a soft delete.
   *
   * @return the deleted version numbers
   */
  List<Integer> deleteSubject(String subject, boolean permanent);

  /** Releases resources; the default holds none. */
  @Override
  default void close() {}
}
