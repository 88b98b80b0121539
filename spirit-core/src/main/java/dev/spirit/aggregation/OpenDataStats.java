package dev.spirit.aggregation;

import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.error.InvalidInputException;
import dev.spirit.participant.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a public dashboard or an open-data release may show of a campaign's statistics: figures
 * only, no participant hashes (so nothing to merge and nothing to match against), and no cell that
 * describes fewer than {@code k} people. Made by {@link CampaignStats#openData(int)}.
 *
 * <p>Which cells are held back: a district with fewer than {@code k} distinct participants (its
 * submissions and participants both); a slogan with fewer than {@code k} distinct supporters; and
 * every count of submissions (per channel, per author role, per term) under {@code k}. The last
 * kind counts submissions, not people, so a count of {@code k} or more may still come from fewer
 * people when one person gives several submissions (up to the campaign's per-participant limit);
 * choose {@code k} with that limit in mind. If the whole campaign has fewer than {@code k}
 * participants, only {@code suppressed} is non-zero.
 *
 * @param k the smallest number of people a published cell may describe
 * @param submissions counted submissions, or 0 if the campaign has fewer than {@code k}
 *     participants
 * @param participants distinct participants (rounded estimate beyond the exact limit), or 0 as
 *     above
 * @param districts per district with at least {@code k} participants: its submissions and
 *     participants
 * @param byChannel counted submissions per channel, cells of at least {@code k}
 * @param byRole counted submissions per author role, cells of at least {@code k}
 * @param topTerms the most frequent terms (up to 100) given at least {@code k} times
 * @param slogans slogans with at least {@code k} supporters, most supported first
 * @param suppressed how many cells were held back
 */
public record OpenDataStats(
    int k,
    long submissions,
    long participants,
    SortedMap<District, DistrictFigures> districts,
    SortedMap<Channel, Long> byChannel,
    SortedMap<Role, Long> byRole,
    List<TermCount> topTerms,
    List<PublicSlogan> slogans,
    int suppressed) {

  /** The default smallest cell: 5 people. */
  public static final int DEFAULT_K = 5;

  /** How many terms {@link #topTerms} holds at most. */
  public static final int TOP_TERMS = 100;

  public OpenDataStats {
    if (k < 1) {
      throw new InvalidInputException("k", "must be at least 1, was " + k);
    }
    districts = Values.values("openData.districts", districts);
    byChannel = Values.counts("openData.byChannel", byChannel);
    byRole = Values.counts("openData.byRole", byRole);
    topTerms = List.copyOf(topTerms);
    slogans = List.copyOf(slogans);
  }

  /**
   * One district's published figures.
   *
   * @param submissions counted submissions
   * @param participants distinct participants
   */
  public record DistrictFigures(long submissions, long participants) {}

  /**
   * One published slogan.
   *
   * @param text its most often given form
   * @param supporters distinct authors and endorsers
   * @param submissions counted submissions of it
   */
  public record PublicSlogan(String text, long supporters, long submissions) {}

  static OpenDataStats of(CampaignStats stats, int k) {
    if (k < 1) {
      throw new InvalidInputException("k", "must be at least 1, was " + k);
    }
    long people = stats.participants().all().count();
    if (people < k) {
      int cells =
          stats.counts().byDistrict().size()
              + stats.counts().byChannel().size()
              + stats.counts().byRole().size()
              + stats.terms().overall().size()
              + stats.slogans().size();
      return new OpenDataStats(
          k, 0, 0, new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), List.of(), List.of(), cells);
    }
    int[] suppressed = {0};
    SortedMap<District, DistrictFigures> districts = new TreeMap<>();
    for (Map.Entry<District, Long> e : stats.counts().byDistrict().entrySet()) {
      DistinctCount inDistrict = stats.participants().byDistrict().get(e.getKey());
      long n = inDistrict == null ? 0 : inDistrict.count();
      if (n >= k) {
        districts.put(e.getKey(), new DistrictFigures(e.getValue(), n));
      } else {
        suppressed[0]++;
      }
    }
    List<TermCount> terms = new ArrayList<>();
    for (TermCount t : stats.terms().top(Integer.MAX_VALUE)) {
      if (t.count() < k) {
        suppressed[0]++;
      } else if (terms.size() < TOP_TERMS) {
        terms.add(t);
      }
    }
    List<PublicSlogan> slogans = new ArrayList<>();
    for (SloganStats s : stats.slogans().values()) {
      if (s.supporters().count() >= k) {
        slogans.add(new PublicSlogan(s.displayText(), s.supporters().count(), s.submissions()));
      } else {
        suppressed[0]++;
      }
    }
    slogans.sort(
        (a, b) ->
            a.supporters() != b.supporters()
                ? Long.compare(b.supporters(), a.supporters())
                : a.text().compareTo(b.text()));
    return new OpenDataStats(
        k,
        stats.counts().submissions(),
        people,
        districts,
        atLeast(stats.counts().byChannel(), k, suppressed),
        atLeast(stats.counts().byRole(), k, suppressed),
        terms,
        slogans,
        suppressed[0]);
  }

  private static <K extends Comparable<? super K>> SortedMap<K, Long> atLeast(
      SortedMap<K, Long> cells, int k, int[] suppressed) {
    SortedMap<K, Long> kept = new TreeMap<>();
    cells.forEach(
        (key, n) -> {
          if (n >= k) {
            kept.put(key, n);
          } else {
            suppressed[0]++;
          }
        });
    return kept;
  }
}
