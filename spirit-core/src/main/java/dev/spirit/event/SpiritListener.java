package dev.spirit.event;

import dev.spirit.campaign.Campaign;
import dev.spirit.participant.ParticipantId;
import dev.spirit.submission.ModerationRecord;
import dev.spirit.submission.Reaction;
import dev.spirit.submission.ReviewLease;
import dev.spirit.submission.Submission;
import java.time.Duration;
import java.util.List;

/**
 * Receives intake events, after the change is stored, on the thread that made it. Every method has
 * an empty default so a listener overrides only what it needs. A listener that throws is logged and
 * does not undo or fail the operation; listeners should be quick and hand slow work (webhooks,
 * mail) to their own executor.
 */
public interface SpiritListener {

  /**
   * A new submission was stored (whatever its status).
   *
   * @param submission the stored submission
   */
  default void onAccepted(Submission submission) {}

  /**
   * The moderator screened a candidate at intake. Told before the candidate is stored, so a
   * candidate the store then refuses (the participant's limit reached) is told here and not to
   * {@link #onAccepted}; replays of an idempotency key are not moderated again.
   *
   * @param candidate the candidate as the moderator saw it
   * @param verdict what the moderator decided
   * @param elapsed how long the moderator took, measured with a monotonic clock
   */
  default void onModerated(Submission candidate, ModerationRecord verdict, Duration elapsed) {}

  /**
   * A submission's status changed.
   *
   * @param before the submission before the change
   * @param after the stored submission after it
   */
  default void onStatusChanged(Submission before, Submission after) {}

  /**
   * A person endorsed a submission for the first time.
   *
   * @param submission the endorsed submission
   * @param endorsement the endorsement
   */
  default void onEndorsed(Submission submission, Reaction endorsement) {}

  /**
   * A person reported a submission for the first time.
   *
   * @param submission the reported submission
   * @param report the report
   * @param distinctReports how many distinct people have now reported it
   */
  default void onReported(Submission submission, Reaction report, long distinctReports) {}

  /**
   * Public reports reached the campaign's threshold and the submission was hidden pending review:
   * moderators should look at it, and its author may be told.
   *
   * @param hidden the stored, hidden submission
   * @param distinctReports how many distinct people reported it
   */
  default void onAutoHidden(Submission hidden, long distinctReports) {}

  /**
   * A participant appealed against the rejection of their submission, which is pending again.
   *
   * @param appealed the stored submission, pending, with its appeal used
   * @param reason the participant's reason
   */
  default void onAppealed(Submission appealed, String reason) {}

  /**
   * A moderator's review lease had lapsed without a decision, found when the submission was next
   * claimed or decided (a lapsed lease has no event of its own: it simply stops holding). Each
   * lease is told at most once, as the claim or decision replaces or clears it.
   *
   * @param submission the stored submission after the claim or decision that found the lapse
   * @param lapsed the lease that had expired
   */
  default void onLeaseExpired(Submission submission, ReviewLease lapsed) {}

  /**
   * Everything of a participant was erased.
   *
   * @param participant the participant
   * @param erased their submissions as they were just before erasure
   */
  default void onErased(ParticipantId participant, List<Submission> erased) {}

  /**
   * A participant withdrew their consent to publication ({@code Withdrawal.UNPUBLISH}): their
   * submissions are kept, with the withdrawal recorded in each one's consent, and are no longer
   * public. (A withdrawal that chose erasure is told to {@link #onErased}.)
   *
   * @param participant the participant
   * @param unpublished their submissions as stored after the withdrawal (those whose consent
   *     changed)
   */
  default void onConsentWithdrawn(ParticipantId participant, List<Submission> unpublished) {}

  /**
   * A retention purge erased every submission of a campaign (with the reactions to them).
   *
   * @param campaign the campaign, which itself stays
   * @param erased how many submissions were erased
   */
  default void onPurged(Campaign campaign, int erased) {}
}
