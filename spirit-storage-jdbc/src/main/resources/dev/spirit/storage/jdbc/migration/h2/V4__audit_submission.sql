-- Spirit schema version 4 for H2: each audit row names its submission, so that erasing a
-- participant (or a retention purge) finds the audit entries of the erased submissions by index and
-- replaces their reason, which may quote the participant. Rows written before are filled in from
-- their record. Idempotent like every H2 script: two instances that start at once may both run it.

ALTER TABLE spirit_audit ADD COLUMN IF NOT EXISTS submission_id UUID;
UPDATE spirit_audit SET submission_id = CAST(REGEXP_SUBSTR(record_json, '"submissionId":"([0-9a-f-]{36})"', 1, 1, '', 1) AS UUID) WHERE submission_id IS NULL;
CREATE INDEX IF NOT EXISTS spirit_audit_submission ON spirit_audit (submission_id);
