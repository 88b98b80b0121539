package dev.spirit.aggregation;

import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.error.InvalidInputException;
import dev.spirit.participant.Role;
import java.util.Comparator;
import java.util.Map;
import java.util.SortedMap;

/**
 * Everything counted about one slogan, identified by its exact key (see {@link
 * CampaignStats#candidates}): counted slogan-kind submissions with that key, and their support.
 *
 * @param texts each public text given (normalized) to the number of counted submissions with it
 * @param byDistrict counted submissions per district
 * @param byChannel counted submissions per channel
 * @param byRole counted submissions per author role
 * @param endorsements endorsements of those submissions
 * @param supporters distinct participants who gave or endorsed one of them
 */
public record SloganStats(
    SortedMap<String, Long> texts,
    SortedMap<District, Long> byDistrict,
    SortedMap<Channel, Long> byChannel,
    SortedMap<Role, Long> byRole,
    long endorsements,
    DistinctCount supporters) {

  public SloganStats {
    texts = Values.counts("slogan.texts", texts);
    byDistrict = Values.counts("slogan.byDistrict", byDistrict);
    byChannel = Values.counts("slogan.byChannel", byChannel);
    byRole = Values.counts("slogan.byRole", byRole);
    if (endorsements < 0 || supporters == null) {
      throw new InvalidInputException(
          "slogan", "endorsements must not be negative and supporters must be set");
    }
  }

  /**
   * Counted submissions of this slogan.
   *
   * @return submissions
   */
  public long submissions() {
    return texts.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * The text shown for it: the most often given form, ties broken by string order.
   *
   * @return display text
   */
  public String displayText() {
    return texts.entrySet().stream()
        .min(
            Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue)
                .reversed()
                .thenComparing(Map.Entry::getKey))
        .map(Map.Entry::getKey)
        .orElse("");
  }

  /**
   * The slogan counted over both sets of submissions.
   *
   * @param other the same slogan's statistics elsewhere
   * @return merged statistics
   */
  public SloganStats merge(SloganStats other) {
    return new SloganStats(
        Values.sum(texts, other.texts),
        Values.sum(byDistrict, other.byDistrict),
        Values.sum(byChannel, other.byChannel),
        Values.sum(byRole, other.byRole),
        endorsements + other.endorsements,
        supporters.merge(other.supporters));
  }
}
