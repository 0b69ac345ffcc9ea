-- Which versioned migrations have been applied; written by the sink after a migration's statements
-- all succeeded. Several sink instances may start at once: every migration statement is
-- IF NOT EXISTS, so applying one twice is harmless and readers take DISTINCT versions.
CREATE TABLE IF NOT EXISTS tokenmeter_schema_migrations
(
    version     UInt32,
    description String,
    checksum    String,
    applied_at  DateTime64(3, 'UTC')
)
ENGINE = MergeTree
ORDER BY version;
