-- Spirit schema version 2 for MariaDB and MySQL 8: one index for a participant's submissions
-- instead of two. (participant_id, campaign_id, id) serves erasure (participant_id = ?) by its
-- first column, and a participant's pages in a campaign (participant_id = ? AND campaign_id = ?
-- ORDER BY id) in order, which (campaign_id, participant_id, id) and (participant_id) did
-- separately. Every stored submission maintains each index, so one fewer makes bulk imports
-- cheaper. Run again after a start that stopped before recording the version, a statement whose
-- effect is there fails with "can't drop" or "duplicate key name", which the runner takes as done.

DROP INDEX spirit_submissions_campaign_participant ON spirit_submissions;
DROP INDEX spirit_submissions_participant ON spirit_submissions;
CREATE INDEX spirit_submissions_participant_campaign ON spirit_submissions (participant_id, campaign_id, id);
