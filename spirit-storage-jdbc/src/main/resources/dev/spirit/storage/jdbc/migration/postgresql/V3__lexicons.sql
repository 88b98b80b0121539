-- Spirit schema version 3 for PostgreSQL: campaign lexicons, one row per revision (JdbcLexicons).
-- The whole revision (layers, version, time, author) is Spirit's canonical JSON in record_json; the
-- other columns are copies for people reading the table. The primary key makes two concurrent
-- attaches of one revision store exactly one.

CREATE TABLE spirit_lexicons (
  campaign_id  UUID NOT NULL,
  revision     BIGINT NOT NULL,
  version      VARCHAR(200) NOT NULL,
  attached_at  TIMESTAMPTZ NOT NULL,
  attached_by  VARCHAR(128) NOT NULL,
  record_json  TEXT NOT NULL,
  PRIMARY KEY (campaign_id, revision)
);
