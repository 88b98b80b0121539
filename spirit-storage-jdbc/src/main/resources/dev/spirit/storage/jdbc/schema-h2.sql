-- Spirit schema for H2, version 3: the plain DDL for DBAs who apply schemas by hand.
--
-- JdbcStore applies the same migrations itself on start (see spirit-storage-jdbc/README.md); use
-- this file only where the application's database user may not run DDL. Run it once, in one
-- transaction, in the schema the application uses. The rows it records in spirit_schema_version
-- (with the SHA-256 of each migration/h2/V<n>__*.sql) tell JdbcStore that the schema is up to date.
--
-- Kept equal to the migrations by tests: PlainDdlMatchesMigrationsTest applies this file to one
-- fresh database and migrations V1, V2, ... in order to another and requires the same tables,
-- columns, keys, constraints, indexes and recorded versions in both catalogs; MigrationsTest checks
-- that every migration statement and checksum is here. Change the migrations first, then this file.

CREATE TABLE IF NOT EXISTS spirit_schema_version (
  version      INTEGER PRIMARY KEY,
  description  VARCHAR(200) NOT NULL,
  checksum     VARCHAR(64) NOT NULL,
  applied_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- ---- migration/h2/V1__init.sql ----
-- Whole records live in the record_json columns as Spirit's canonical JSON (SpiritCodec); the other
-- columns are copies of the fields Spirit queries by, so new domain fields need no schema change.
-- H2 DDL commits implicitly, so every H2 statement is idempotent (IF NOT EXISTS): two instances
-- that start at once may both run it; the version row is recorded once.

CREATE TABLE IF NOT EXISTS spirit_campaigns (
  id          UUID PRIMARY KEY,
  seq         BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  slug        VARCHAR(64) NOT NULL CONSTRAINT spirit_campaigns_slug_key UNIQUE,
  version     BIGINT NOT NULL,
  record_json     CHARACTER VARYING NOT NULL
);

CREATE TABLE IF NOT EXISTS spirit_submissions (
  id               UUID PRIMARY KEY,
  campaign_id      UUID NOT NULL,
  status           VARCHAR(32) NOT NULL,
  district         VARCHAR(64) NOT NULL,
  channel          VARCHAR(32) NOT NULL,
  participant_id   VARCHAR(128) NOT NULL,
  received_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  idempotency_key  VARCHAR(128),
  version          BIGINT NOT NULL,
  record_json     CHARACTER VARYING NOT NULL,
  CONSTRAINT spirit_submissions_idempotency_key UNIQUE (campaign_id, idempotency_key)
);

-- Pages of a campaign (keyset by id), with and without a status condition.
CREATE INDEX IF NOT EXISTS spirit_submissions_campaign_id ON spirit_submissions (campaign_id, id);
CREATE INDEX IF NOT EXISTS spirit_submissions_campaign_status_id ON spirit_submissions (campaign_id, status, id);
CREATE INDEX IF NOT EXISTS spirit_submissions_campaign_received ON spirit_submissions (campaign_id, status, received_at);
-- One participant's submissions in a campaign, and across campaigns for erasure.
CREATE INDEX IF NOT EXISTS spirit_submissions_campaign_participant ON spirit_submissions (campaign_id, participant_id, id);
CREATE INDEX IF NOT EXISTS spirit_submissions_participant ON spirit_submissions (participant_id);

-- One row per (campaign, participant): how many submissions they have. Inserts lock this row,
-- which makes the per-participant limit atomic.
CREATE TABLE IF NOT EXISTS spirit_participant_counts (
  campaign_id     UUID NOT NULL,
  participant_id  VARCHAR(128) NOT NULL,
  submission_count INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, participant_id)
);
CREATE INDEX IF NOT EXISTS spirit_participant_counts_participant ON spirit_participant_counts (participant_id);

CREATE TABLE IF NOT EXISTS spirit_reactions (
  seq             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  submission_id   UUID NOT NULL REFERENCES spirit_submissions (id) ON DELETE CASCADE,
  campaign_id     UUID NOT NULL,
  participant_id  VARCHAR(128) NOT NULL,
  reaction_type   VARCHAR(32) NOT NULL,
  record_json     CHARACTER VARYING NOT NULL,
  CONSTRAINT spirit_reactions_once UNIQUE (submission_id, reaction_type, participant_id)
);
CREATE INDEX IF NOT EXISTS spirit_reactions_campaign ON spirit_reactions (campaign_id, seq);
CREATE INDEX IF NOT EXISTS spirit_reactions_participant ON spirit_reactions (participant_id);

CREATE TABLE IF NOT EXISTS spirit_audit (
  seq           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  campaign_id   UUID NOT NULL,
  record_json     CHARACTER VARYING NOT NULL
);
CREATE INDEX IF NOT EXISTS spirit_audit_campaign ON spirit_audit (campaign_id, seq);

-- ---- migration/h2/V2__participant_index.sql ----
-- (participant_id, campaign_id, id) serves erasure (participant_id = ?) by its first column, and a
-- participant's pages in a campaign (participant_id = ? AND campaign_id = ? ORDER BY id) in order,
-- which (campaign_id, participant_id, id) and (participant_id) did separately. Every stored
-- submission maintains each index, so one fewer makes bulk imports cheaper.
-- Idempotent like every H2 script: two instances that start at once may both run it.

DROP INDEX IF EXISTS spirit_submissions_campaign_participant;
DROP INDEX IF EXISTS spirit_submissions_participant;
CREATE INDEX IF NOT EXISTS spirit_submissions_participant_campaign ON spirit_submissions (participant_id, campaign_id, id);

-- ---- migration/h2/V3__audit_submission.sql ----
-- Each audit row names its submission, so that erasing a
-- participant (or a retention purge) finds the audit entries of the erased submissions by index and
-- replaces their reason, which may quote the participant. Rows written before are filled in from
-- their record. Idempotent like every H2 script: two instances that start at once may both run it.

ALTER TABLE spirit_audit ADD COLUMN IF NOT EXISTS submission_id UUID;
UPDATE spirit_audit SET submission_id = CAST(REGEXP_SUBSTR(record_json, '"submissionId":"([0-9a-f-]{36})"', 1, 1, '', 1) AS UUID) WHERE submission_id IS NULL;
CREATE INDEX IF NOT EXISTS spirit_audit_submission ON spirit_audit (submission_id);

INSERT INTO spirit_schema_version (version, description, checksum, applied_at)
  VALUES (1, 'init', 'b4f336488f21e26a4c47c318c5ae6df6862bf3d744c5f24ade9f64d9a7872d7d', CURRENT_TIMESTAMP);
INSERT INTO spirit_schema_version (version, description, checksum, applied_at)
  VALUES (2, 'participant_index', 'cb7bb8a0d9515c248a9e03667a4ab5498a2f51fc926090561b96d4903f57d3ea', CURRENT_TIMESTAMP);
INSERT INTO spirit_schema_version (version, description, checksum, applied_at)
  VALUES (3, 'audit_submission', '15ca54c7ef7e32513a74c3cb38d95797f8fad7690e60b3a570ca8d939fdbd239', CURRENT_TIMESTAMP);
