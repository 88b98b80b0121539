package dev.spirit.submission;

import dev.spirit.campaign.CampaignId;
import dev.spirit.error.InvalidInputException;
import dev.spirit.text.Texts;
import java.time.Instant;
import java.util.Optional;

/**
 * One status change of a submission: who changed it, when, from what to what, and why. The audit
 * log is append-only, and each stored entry is sealed into its campaign's hash chain ({@link
 * AuditChain}) so that an edited, removed or reordered entry is detected.
 *
 * @param campaignId the campaign
 * @param submissionId the submission
 * @param actor who decided: a moderator's name, {@code system:moderation}, {@code system:reports},
 *     or {@code participant}
 * @param at when
 * @param from status before
 * @param to status after
 * @param reason why, in words
 * @param lease who held the submission's review lease when the change was made, if anyone did
 * @param seal the entry's place in the campaign's hash chain: given by the store when it appends
 *     the entry ({@link dev.spirit.storage.SpiritStore#appendAudit}); empty on an entry not yet
 *     appended, and on entries stored before Spirit kept a chain
 */
public record AuditEntry(
    CampaignId campaignId,
    SubmissionId submissionId,
    String actor,
    Instant at,
    SubmissionStatus from,
    SubmissionStatus to,
    String reason,
    Optional<String> lease,
    Optional<AuditSeal> seal) {
  /** Actor name recorded for automatic moderation at intake. */
  public static final String ACTOR_MODERATION = "system:moderation";

  /** Actor name recorded when reports hide a submission. */
  public static final String ACTOR_REPORTS = "system:reports";

  /** Actor name recorded for changes made by the participant. */
  public static final String ACTOR_PARTICIPANT = "participant";

  /**
   * Actor name recorded when a participant's submissions are erased: one entry per erased
   * submission, with the reason {@link #REASON_ERASED}.
   */
  public static final String ACTOR_ERASURE = "system:erasure";

  /**
   * The reason an entry keeps once its submission is erased: a reason may quote the participant (an
   * appeal is recorded in their words), so erasure replaces it; who changed what and when stays.
   */
  public static final String REASON_ERASED = "erased";

  /**
   * The reason recorded, with actor {@link #ACTOR_PARTICIPANT}, on each submission of a participant
   * who withdrew their consent to publication ({@code Withdrawal.UNPUBLISH}).
   */
  public static final String REASON_CONSENT_UNPUBLISH = "consent withdrawn: unpublished";

  /**
   * The reason recorded, with actor {@link #ACTOR_PARTICIPANT}, for each submission erased because
   * its participant withdrew their consent and chose erasure ({@code Withdrawal.ERASE}).
   */
  public static final String REASON_CONSENT_ERASE = "consent withdrawn: erased";

  /** Validates the entry; absent optionals (as read from entries stored before) become empty. */
  public AuditEntry {
    if (campaignId == null || submissionId == null || at == null || from == null || to == null) {
      throw new InvalidInputException(
          "audit", "campaignId, submissionId, at, from and to are required");
    }
    Texts.requireLabel("audit.actor", actor, 128);
    if (reason == null) {
      throw new InvalidInputException("audit.reason", "must not be null");
    }
    lease = lease == null ? Optional.empty() : lease;
    seal = seal == null ? Optional.empty() : seal;
    if (lease.isPresent()) {
      Texts.requireLabel("audit.lease", lease.get(), 128);
    }
  }

  /**
   * An entry not yet appended, without a lease holder.
   *
   * @param campaignId the campaign
   * @param submissionId the submission
   * @param actor who decided
   * @param at when
   * @param from status before
   * @param to status after
   * @param reason why, in words
   */
  public AuditEntry(
      CampaignId campaignId,
      SubmissionId submissionId,
      String actor,
      Instant at,
      SubmissionStatus from,
      SubmissionStatus to,
      String reason) {
    this(campaignId, submissionId, actor, at, from, to, reason, Optional.empty(), Optional.empty());
  }

  /**
   * This entry with another seal; the store uses it when appending ({@link AuditChain#seal}).
   *
   * @param value the seal
   * @return the sealed copy
   */
  public AuditEntry withSeal(Optional<AuditSeal> value) {
    return new AuditEntry(campaignId, submissionId, actor, at, from, to, reason, lease, value);
  }

  /**
   * This entry as it stays once its submission is erased: the same, with the reason {@link
   * #REASON_ERASED} and the seal's salt removed ({@link AuditSeal#erased()}); the chain still
   * verifies, since it commits to the reason's salted digest, which stays.
   *
   * @return the scrubbed copy
   */
  public AuditEntry erased() {
    return new AuditEntry(
        campaignId,
        submissionId,
        actor,
        at,
        from,
        to,
        REASON_ERASED,
        lease,
        seal.map(AuditSeal::erased));
  }
}
