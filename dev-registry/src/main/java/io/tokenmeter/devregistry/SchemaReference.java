package io.tokenmeter.devregistry;

/**
 * A dependency of a schema on a schema registered under another subject. For Avro the name is only
 * a label (by convention the referenced type's full name); the referenced text is parsed first.
 */
record SchemaReference(String name, String subject, int version) {}
