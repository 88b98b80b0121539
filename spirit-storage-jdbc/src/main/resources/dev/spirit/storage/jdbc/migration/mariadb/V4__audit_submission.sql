-- Spirit schema version 4 for MariaDB (10.6+) and MySQL 8: each audit row names its submission, so
-- that erasing a participant (or a retention purge) finds the audit entries of the erased
-- submissions by index and replaces their reason, which may quote the participant. Rows written
-- before are filled in from their record. After a start that stopped half way, "duplicate column"
-- and "duplicate key name" mean done (see V1).

ALTER TABLE spirit_audit ADD COLUMN submission_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin;
UPDATE spirit_audit SET submission_id = JSON_UNQUOTE(JSON_EXTRACT(record_json, '$.submissionId')) WHERE submission_id IS NULL;
CREATE INDEX spirit_audit_submission ON spirit_audit (submission_id);
