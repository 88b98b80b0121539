-- Spirit schema version 1 for MariaDB (10.6+) and MySQL 8, InnoDB.
-- Whole records live in the record_json columns as Spirit's canonical JSON (SpiritCodec); the other
-- columns are copies of the fields Spirit queries by, so new domain fields need no schema change.
-- Text is utf8mb4 with the binary collation utf8mb4_bin (4-byte characters round-trip, comparisons
-- are exact; its trailing-space padding cannot matter: core refuses spaces in every key column).
-- Ids are canonical lowercase UUID text in ascii_bin, whose order is the unsigned 128-bit order of
-- the ids that keyset pages follow (not MariaDB's UUID type, which sorts segments swapped).
-- Received-at is DATETIME(6) holding UTC: Spirit binds UTC wall-clock times, whatever the
-- session's time zone. DDL commits implicitly and migrations hold GET_LOCK, so a statement only
-- runs twice after a start that stopped before recording the version; the runner then takes
-- "duplicate key name" as done (MySQL has no CREATE INDEX IF NOT EXISTS).

CREATE TABLE IF NOT EXISTS spirit_campaigns (
  id          CHAR(36) CHARACTER SET ascii COLLATE ascii_bin PRIMARY KEY,
  seq         BIGINT NOT NULL AUTO_INCREMENT UNIQUE,
  slug        VARCHAR(64) NOT NULL,
  version     BIGINT NOT NULL,
  record_json     LONGTEXT NOT NULL,
  CONSTRAINT spirit_campaigns_slug_key UNIQUE (slug)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS spirit_submissions (
  id               CHAR(36) CHARACTER SET ascii COLLATE ascii_bin PRIMARY KEY,
  campaign_id      CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  status           VARCHAR(32) NOT NULL,
  district         VARCHAR(64) NOT NULL,
  channel          VARCHAR(32) NOT NULL,
  participant_id   VARCHAR(128) NOT NULL,
  received_at      DATETIME(6) NOT NULL,
  idempotency_key  VARCHAR(128),
  version          BIGINT NOT NULL,
  record_json     LONGTEXT NOT NULL,
  CONSTRAINT spirit_submissions_idempotency_key UNIQUE (campaign_id, idempotency_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Pages of a campaign (keyset by id), with and without a status condition.
CREATE INDEX spirit_submissions_campaign_id ON spirit_submissions (campaign_id, id);
CREATE INDEX spirit_submissions_campaign_status_id ON spirit_submissions (campaign_id, status, id);
CREATE INDEX spirit_submissions_campaign_received ON spirit_submissions (campaign_id, status, received_at);
-- One participant's submissions in a campaign, and across campaigns for erasure.
CREATE INDEX spirit_submissions_campaign_participant ON spirit_submissions (campaign_id, participant_id, id);
CREATE INDEX spirit_submissions_participant ON spirit_submissions (participant_id);

-- One row per (campaign, participant): how many submissions they have. Inserts lock this row,
-- which makes the per-participant limit atomic.
CREATE TABLE IF NOT EXISTS spirit_participant_counts (
  campaign_id     CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  participant_id  VARCHAR(128) NOT NULL,
  submission_count INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, participant_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX spirit_participant_counts_participant ON spirit_participant_counts (participant_id);

CREATE TABLE IF NOT EXISTS spirit_reactions (
  seq             BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  submission_id   CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  campaign_id     CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  participant_id  VARCHAR(128) NOT NULL,
  reaction_type   VARCHAR(32) NOT NULL,
  record_json     LONGTEXT NOT NULL,
  CONSTRAINT spirit_reactions_once UNIQUE (submission_id, reaction_type, participant_id),
  CONSTRAINT spirit_reactions_submission FOREIGN KEY (submission_id)
    REFERENCES spirit_submissions (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX spirit_reactions_campaign ON spirit_reactions (campaign_id, seq);
CREATE INDEX spirit_reactions_participant ON spirit_reactions (participant_id);

CREATE TABLE IF NOT EXISTS spirit_audit (
  seq           BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  campaign_id   CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  record_json     LONGTEXT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX spirit_audit_campaign ON spirit_audit (campaign_id, seq);
