-- Spirit schema version 5 for H2: the moderation state (JdbcModerationState), the sliding windows
-- of the rate, duplicate and flood rules shared by every instance on this database. Subjects and
-- owners are keyed hashes (HMAC-SHA256 under the key in spirit_moderation_key, 32 hex digits),
-- never participant ids or texts. One spirit_moderation_windows row per key is the row every
-- check locks (so the checks of one key are serialised across processes); its events are rows of
-- spirit_moderation_events. Expired rows are deleted by later checks (see JdbcModerationState).
-- Idempotent like every H2 script: two instances that start at once may both run it.

CREATE TABLE IF NOT EXISTS spirit_moderation_key (
  id           INTEGER PRIMARY KEY,
  secret       VARCHAR(64) NOT NULL
);

CREATE TABLE IF NOT EXISTS spirit_moderation_windows (
  key_hash     VARCHAR(32) PRIMARY KEY,
  subject_hash VARCHAR(32),
  expires_at   BIGINT NOT NULL,
  next_seq     BIGINT NOT NULL
);

CREATE INDEX IF NOT EXISTS spirit_moderation_windows_subject ON spirit_moderation_windows (subject_hash);
CREATE INDEX IF NOT EXISTS spirit_moderation_windows_expiry ON spirit_moderation_windows (expires_at);

CREATE TABLE IF NOT EXISTS spirit_moderation_events (
  key_hash     VARCHAR(32) NOT NULL,
  seq          BIGINT NOT NULL,
  at_nanos     BIGINT NOT NULL,
  owner_hash   VARCHAR(32),
  mark         CHARACTER VARYING,
  PRIMARY KEY (key_hash, seq)
);

CREATE INDEX IF NOT EXISTS spirit_moderation_events_owner ON spirit_moderation_events (owner_hash);
