-- Spirit schema version 7 for MariaDB (10.6+) and MySQL 8: the audit hash chain. Each audit row
-- appended from now on carries its sequence number in its campaign's chain (the seal itself is in
-- record_json); the unique index makes two instances that append at once take different sequence
-- numbers (the loser retries on top of the winner), so the chain never forks. Rows written before
-- keep NULL: they precede the chain. After a start that stopped half way, "duplicate column" and
-- "duplicate key name" mean done (see V1).

ALTER TABLE spirit_audit ADD COLUMN chain_seq BIGINT;
CREATE UNIQUE INDEX spirit_audit_chain ON spirit_audit (campaign_id, chain_seq);
