-- Spirit schema version 2 for H2: one index for a participant's submissions instead of two.
-- (participant_id, campaign_id, id) serves erasure (participant_id = ?) by its first column, and a
-- participant's pages in a campaign (participant_id = ? AND campaign_id = ? ORDER BY id) in order,
-- which (campaign_id, participant_id, id) and (participant_id) did separately. Every stored
-- submission maintains each index, so one fewer makes bulk imports cheaper.
-- Idempotent like every H2 script: two instances that start at once may both run it.

DROP INDEX IF EXISTS spirit_submissions_campaign_participant;
DROP INDEX IF EXISTS spirit_submissions_participant;
CREATE INDEX IF NOT EXISTS spirit_submissions_participant_campaign ON spirit_submissions (participant_id, campaign_id, id);
