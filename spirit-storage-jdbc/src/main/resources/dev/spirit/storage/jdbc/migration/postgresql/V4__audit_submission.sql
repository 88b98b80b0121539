-- Spirit schema version 4 for PostgreSQL: each audit row names its submission, so that erasing a
-- participant (or a retention purge) finds the audit entries of the erased submissions by index and
-- replaces their reason, which may quote the participant. Rows written before are filled in from
-- their record.

ALTER TABLE spirit_audit ADD COLUMN submission_id UUID;
UPDATE spirit_audit SET submission_id = CAST(CAST(record_json AS json) ->> 'submissionId' AS UUID);
CREATE INDEX spirit_audit_submission ON spirit_audit (submission_id);
