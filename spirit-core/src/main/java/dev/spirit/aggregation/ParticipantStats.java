package dev.spirit.aggregation;

import dev.spirit.campaign.District;
import dev.spirit.error.InvalidInputException;
import java.util.Collection;
import java.util.SortedMap;

/**
 * Distinct participants (see the package definition), overall and per district.
 *
 * @param all distinct participants of the campaign
 * @param byDistrict distinct participants of each district (a person active in two districts counts
 *     in both, once in {@code all})
 */
public record ParticipantStats(DistinctCount all, SortedMap<District, DistinctCount> byDistrict) {
  public ParticipantStats {
    if (all == null) {
      throw new InvalidInputException("participants.all", "must not be null");
    }
    byDistrict = Values.values("participants.byDistrict", byDistrict);
  }

  /**
   * No participants.
   *
   * @param exactLimit the largest set kept exactly
   * @param precision sketch precision
   * @return empty statistics
   */
  public static ParticipantStats empty(int exactLimit, int precision) {
    return new ParticipantStats(
        DistinctCount.empty(exactLimit, precision), new java.util.TreeMap<>());
  }

  /**
   * Distinct participants of any of several districts.
   *
   * @param districts the districts
   * @return the count of the union of their participants
   */
  public DistinctCount inAnyOf(Collection<District> districts) {
    DistinctCount union = DistinctCount.empty(all.exactLimit(), all.precision());
    for (District d : districts) {
      DistinctCount c = byDistrict.get(d);
      if (c != null) {
        union = union.merge(c);
      }
    }
    return union;
  }

  /**
   * The union of both.
   *
   * @param other participants of other submissions
   * @return merged statistics
   */
  public ParticipantStats merge(ParticipantStats other) {
    return new ParticipantStats(
        all.merge(other.all),
        Values.mergeValues(byDistrict, other.byDistrict, DistinctCount::merge));
  }
}
