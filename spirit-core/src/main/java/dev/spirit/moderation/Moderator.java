package dev.spirit.moderation;

import dev.spirit.campaign.Campaign;
import dev.spirit.moderation.state.ModerationState;
import dev.spirit.moderation.state.StateKey;
import dev.spirit.submission.ModerationRecord;
import dev.spirit.submission.Submission;
import java.util.Set;

/**
 * Screens a new submission before it is stored. Intake calls it once per submission that passed the
 * campaign's rules, and maps its decision to a status by the campaign's moderation mode:
 *
 * <ul>
 *   <li>{@code REJECT} → {@code REJECTED} (stored for the audit trail and a possible appeal);
 *   <li>{@code REVIEW} → {@code PENDING};
 *   <li>{@code APPROVE} → {@code APPROVED} under post-moderation, {@code PENDING} under
 *       pre-moderation, where a person reviews everything before it is public.
 * </ul>
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Moderator {

  /** A moderator that approves everything: the campaign's mode alone decides. */
  Moderator NONE = (submission, campaign) -> ModerationRecord.approved(submission.receivedAt());

  /**
   * Decides about a candidate submission.
   *
   * @param candidate the submission as it would be stored (status pending, version 0)
   * @param campaign its campaign
   * @return the decision with its reasons
   */
  ModerationRecord moderate(Submission candidate, Campaign campaign);

  /**
   * Decides about a candidate submission with the store's moderation state (what intake calls):
   * rules with history keep it there. The default ignores the state and calls {@link
   * #moderate(Submission, Campaign)}.
   *
   * @param candidate the submission as it would be stored (status pending, version 0)
   * @param campaign its campaign
   * @param state the store's moderation state
   * @return the decision with its reasons
   */
  default ModerationRecord moderate(
      Submission candidate, Campaign campaign, ModerationState state) {
    return moderate(candidate, campaign);
  }

  /**
   * The keys of the moderation state that {@link #moderate(Submission, Campaign, ModerationState)}
   * will use for this candidate (see {@link ModerationRule#stateKeys}). The default names none.
   *
   * @param candidate the submission
   * @param campaign its campaign
   * @return the keys
   */
  default Set<StateKey> stateKeys(Submission candidate, Campaign campaign) {
    return Set.of();
  }
}
