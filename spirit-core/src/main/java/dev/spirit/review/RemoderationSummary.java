package dev.spirit.review;

import dev.spirit.campaign.CampaignId;
import dev.spirit.error.InvalidInputException;
import dev.spirit.submission.SubmissionId;
import java.util.List;
import java.util.Optional;

/**
 * What {@link ReviewWorkflow#remoderate} did to a campaign's public submissions.
 *
 * @param campaignId the campaign
 * @param lexiconRevision the campaign's stored lexicon revision the content rules ran with, or
 *     empty if it has none (the instance's own moderator's lexicon was used)
 * @param lexiconVersion that revision's version, or empty
 * @param scanned how many public submissions were checked again
 * @param sentToReview the submissions that now match a content rule and were taken down for review
 * @param unchanged how many still pass and stay public
 * @param skipped how many changed concurrently while being taken down and were left as they are
 */
public record RemoderationSummary(
    CampaignId campaignId,
    Optional<Long> lexiconRevision,
    Optional<String> lexiconVersion,
    long scanned,
    List<SubmissionId> sentToReview,
    long unchanged,
    long skipped) {

  /** Validates the summary. */
  public RemoderationSummary {
    if (campaignId == null || lexiconRevision == null || lexiconVersion == null) {
      throw new InvalidInputException("remoderationSummary", "campaign and lexicon are required");
    }
    sentToReview = sentToReview == null ? List.of() : List.copyOf(sentToReview);
    if (scanned < 0 || unchanged < 0 || skipped < 0) {
      throw new InvalidInputException("remoderationSummary", "counts must not be negative");
    }
  }
}
