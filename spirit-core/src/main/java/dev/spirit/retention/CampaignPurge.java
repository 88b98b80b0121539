package dev.spirit.retention;

import dev.spirit.campaign.CampaignId;
import dev.spirit.error.InvalidInputException;
import java.time.Instant;

/**
 * One campaign a purge erased (or, in a dry run, would erase) the submissions of.
 *
 * @param campaignId the campaign
 * @param slug its slug
 * @param expiredAt when its retention period ended ({@link
 *     dev.spirit.campaign.Campaign#expiresAt()})
 * @param submissions how many submissions were erased (in a dry run: are stored now)
 */
public record CampaignPurge(
    CampaignId campaignId, String slug, Instant expiredAt, long submissions) {
  public CampaignPurge {
    if (campaignId == null || slug == null || expiredAt == null) {
      throw new InvalidInputException("purge", "campaignId, slug and expiredAt are required");
    }
    if (submissions < 0) {
      throw new InvalidInputException(
          "purge.submissions", "must not be negative, was " + submissions);
    }
  }
}
