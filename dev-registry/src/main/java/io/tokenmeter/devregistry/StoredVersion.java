package io.tokenmeter.devregistry;

/** A subject version together with the schema it points at, read under one lock. */
record StoredVersion(SubjectVersion version, RegisteredSchema schema) {}
