package dev.spirit.submission;

import dev.spirit.campaign.CampaignId;
import dev.spirit.error.InvalidInputException;
import dev.spirit.text.Texts;
import java.time.Instant;

/**
 * One status change of a submission: who changed it, when, from what to what, and why. The audit
 * log is append-only.
 *
 * @param campaignId the campaign
 * @param submissionId the submission
 * @param actor who decided: a moderator's name, {@code system:moderation}, {@code system:reports},
 *     or {@code participant}
 * @param at when
 * @param from status before
 * @param to status after
 * @param reason why, in words
 */
public record AuditEntry(
    CampaignId campaignId,
    SubmissionId submissionId,
    String actor,
    Instant at,
    SubmissionStatus from,
    SubmissionStatus to,
    String reason) {
  /** Actor name recorded for automatic moderation at intake. */
  public static final String ACTOR_MODERATION = "system:moderation";

  /** Actor name recorded when reports hide a submission. */
  public static final String ACTOR_REPORTS = "system:reports";

  /** Actor name recorded for changes made by the participant. */
  public static final String ACTOR_PARTICIPANT = "participant";

  /**
   * The reason an entry keeps once its submission is erased: a reason may quote the participant (an
   * appeal is recorded in their words), so erasure replaces it; who changed what and when stays.
   */
  public static final String REASON_ERASED = "erased";

  public AuditEntry {
    if (campaignId == null || submissionId == null || at == null || from == null || to == null) {
      throw new InvalidInputException(
          "audit", "campaignId, submissionId, at, from and to are required");
    }
    Texts.requireLabel("audit.actor", actor, 128);
    if (reason == null) {
      throw new InvalidInputException("audit.reason", "must not be null");
    }
  }

  /**
   * This entry as it stays once its submission is erased: the same, with the reason {@link
   * #REASON_ERASED}.
   *
   * @return the scrubbed copy
   */
  public AuditEntry erased() {
    return new AuditEntry(campaignId, submissionId, actor, at, from, to, REASON_ERASED);
  }
}
