package dev.spirit.submission;

import dev.spirit.campaign.CampaignId;
import dev.spirit.error.InvalidInputException;
import dev.spirit.participant.ParticipantId;
import dev.spirit.text.Texts;
import java.time.Instant;
import java.util.Optional;

/**
 * An endorsement or a report of a submission by a person. Stores keep at most one reaction per
 * (submission, person, type).
 *
 * @param submissionId the submission reacted to
 * @param campaignId its campaign
 * @param by who reacted
 * @param type endorse or report
 * @param reason the reporter's reason, if any
 * @param at when
 */
public record Reaction(
    SubmissionId submissionId,
    CampaignId campaignId,
    ParticipantId by,
    ReactionType type,
    Optional<String> reason,
    Instant at) {
  public Reaction {
    if (submissionId == null || campaignId == null || by == null || type == null || at == null) {
      throw new InvalidInputException(
          "reaction", "submissionId, campaignId, by, type and at are required");
    }
    if (reason == null) {
      throw new InvalidInputException("reaction.reason", "must not be null");
    }
    reason.ifPresent(r -> Texts.requireWellFormed("reaction.reason", r));
  }
}
