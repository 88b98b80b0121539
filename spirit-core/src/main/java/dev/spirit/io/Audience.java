package dev.spirit.io;

/** Who an export is for, which decides what it holds. */
public enum Audience {
  /**
   * The public (an open-data portal): published submissions only (approved, and their participant
   * allowed {@code PUBLISH}: {@link dev.spirit.submission.Submission#visibleToPublic()}), their
   * public text (personal data masked), the day but not the time, and no ids, participants, contact
   * details, collection points or provenance. Columns: {@code date, district, channel, kind,
   * language, role, text}.
   */
  OPEN_DATA,
  /**
   * The campaign's staff: every submission (or those of chosen statuses) as stored, including
   * pseudonymous participant ids and the original text. Columns: {@code id, received_at,
   * collected_at, district, channel, kind, language, status, role, participant, collection_point,
   * source, text} ({@code collected_at} empty unless the provenance states it); JSON lines hold
   * Spirit's canonical record of each submission instead.
   */
  STAFF
}
