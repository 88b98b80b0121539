package dev.spirit.aggregation;

import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.participant.Role;
import java.util.List;
import java.util.SortedMap;

/**
 * A slogan candidate for the shortlist: identical and near-identical slogans from different people
 * merged into one, with their combined support.
 *
 * @param text the form shown (the most often given one)
 * @param variants every form given, most often given first
 * @param submissions counted submissions of any of its forms
 * @param supporters support: distinct participants who gave or endorsed one of them
 * @param supportersExact whether {@code supporters} is exact (see {@link DistinctCount})
 * @param endorsements endorsements of its submissions
 * @param trials distinct participants of the districts where it was given (at least {@code
 *     supporters}): the people who could have seen it there and acted
 * @param score the Wilson score interval's lower bound for {@code supporters / trials}
 * @param byDistrict counted submissions per district
 * @param byChannel counted submissions per channel
 * @param byRole counted submissions per author role
 */
public record Candidate(
    String text,
    List<String> variants,
    long submissions,
    long supporters,
    boolean supportersExact,
    long endorsements,
    long trials,
    double score,
    SortedMap<District, Long> byDistrict,
    SortedMap<Channel, Long> byChannel,
    SortedMap<Role, Long> byRole) {
  public Candidate {
    variants = List.copyOf(variants);
    byDistrict = Values.counts("candidate.byDistrict", byDistrict);
    byChannel = Values.counts("candidate.byChannel", byChannel);
    byRole = Values.counts("candidate.byRole", byRole);
  }

  /**
   * The lower bound of the Wilson score interval for a proportion: a ranking that neither favors a
   * slogan with 2 of 2 (small sample) nor one with 40 of 4000 (large, low share).
   *
   * @param successes supporters
   * @param trials people who could have supported
   * @param z the normal quantile (1.96 for 95% confidence)
   * @return the lower bound in [0, 1]; 0 when there are no trials
   */
  public static double wilsonLowerBound(long successes, long trials, double z) {
    if (trials <= 0) {
      return 0.0;
    }
    double n = trials;
    double p = Math.min(1.0, successes / n);
    double z2 = z * z;
    double centre = p + z2 / (2 * n);
    double margin = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    return Math.max(0.0, (centre - margin) / (1 + z2 / n));
  }
}
