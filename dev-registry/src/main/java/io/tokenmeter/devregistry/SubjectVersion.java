package io.tokenmeter.devregistry;

/** One version of a subject: which schema id it points at and whether it was soft-deleted. */
record SubjectVersion(String subject, int version, int schemaId, boolean deleted) {
  SubjectVersion softDeleted() {
    return new SubjectVersion(subject, version, schemaId, true);
  }
}
