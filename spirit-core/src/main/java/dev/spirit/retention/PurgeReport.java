package dev.spirit.retention;

import dev.spirit.error.InvalidInputException;
import java.time.Instant;
import java.util.List;

/**
 * What a retention purge did (or, in a dry run, would do).
 *
 * @param asOf the moment expiry was judged at
 * @param dryRun true if nothing was erased and the figures say what a purge would erase
 * @param campaigns the expired campaigns that held submissions, oldest campaign first; expired
 *     campaigns already empty are not listed
 */
public record PurgeReport(Instant asOf, boolean dryRun, List<CampaignPurge> campaigns) {
  public PurgeReport {
    if (asOf == null || campaigns == null) {
      throw new InvalidInputException("purgeReport", "asOf and campaigns are required");
    }
    campaigns = List.copyOf(campaigns);
  }

  /**
   * How many submissions were (or would be) erased in all.
   *
   * @return the sum over {@link #campaigns()}
   */
  public long submissions() {
    return campaigns.stream().mapToLong(CampaignPurge::submissions).sum();
  }
}
