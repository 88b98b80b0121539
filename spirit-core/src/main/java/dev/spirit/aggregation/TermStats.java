package dev.spirit.aggregation;

import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.error.InvalidInputException;
import dev.spirit.participant.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Term counts (see the package definition of a term): overall, per district, channel, author role
 * and local day, and co-occurrences. All exact, so top-K lists of merged values are exact too.
 *
 * @param overall term to counted submissions containing it
 * @param byDistrict the same per district
 * @param byChannel the same per channel
 * @param byRole the same per author role
 * @param byDay the same per local day, for trends
 * @param pairs co-occurrences: for terms {@code a < b} (string order) appearing in the same counted
 *     submission, {@code pairs[a][b]} submissions
 */
public record TermStats(
    SortedMap<String, Long> overall,
    SortedMap<District, SortedMap<String, Long>> byDistrict,
    SortedMap<Channel, SortedMap<String, Long>> byChannel,
    SortedMap<Role, SortedMap<String, Long>> byRole,
    SortedMap<LocalDate, SortedMap<String, Long>> byDay,
    SortedMap<String, SortedMap<String, Long>> pairs) {

  public TermStats {
    overall = Values.counts("terms.overall", overall);
    byDistrict = Values.nested("terms.byDistrict", byDistrict);
    byChannel = Values.nested("terms.byChannel", byChannel);
    byRole = Values.nested("terms.byRole", byRole);
    byDay = Values.nested("terms.byDay", byDay);
    pairs = Values.nested("terms.pairs", pairs);
  }

  /**
   * No terms.
   *
   * @return empty statistics
   */
  public static TermStats empty() {
    return new TermStats(
        new TreeMap<>(),
        new TreeMap<>(),
        new TreeMap<>(),
        new TreeMap<>(),
        new TreeMap<>(),
        new TreeMap<>());
  }

  /**
   * The most frequent terms.
   *
   * @param k how many
   * @return at most {@code k} terms, largest count first, ties by term
   */
  public List<TermCount> top(int k) {
    return Values.top(overall, k);
  }

  /**
   * The most frequent terms of a district.
   *
   * @param k how many
   * @param district the district
   * @return at most {@code k} terms
   */
  public List<TermCount> top(int k, District district) {
    return Values.top(byDistrict.getOrDefault(district, new TreeMap<>()), k);
  }

  /**
   * The most frequent terms of a channel.
   *
   * @param k how many
   * @param channel the channel
   * @return at most {@code k} terms
   */
  public List<TermCount> top(int k, Channel channel) {
    return Values.top(byChannel.getOrDefault(channel, new TreeMap<>()), k);
  }

  /**
   * The most frequent terms of authors with a role.
   *
   * @param k how many
   * @param role the role
   * @return at most {@code k} terms
   */
  public List<TermCount> top(int k, Role role) {
    return Values.top(byRole.getOrDefault(role, new TreeMap<>()), k);
  }

  /**
   * Term counts over local days {@code [from, until)}.
   *
   * @param from first day
   * @param until first day after
   * @return term to counted submissions containing it in those days
   */
  public Map<String, Long> between(LocalDate from, LocalDate until) {
    Map<String, Long> out = new HashMap<>();
    for (Map<String, Long> day : byDay.subMap(from, until).values()) {
      day.forEach((t, n) -> out.merge(t, n, Long::sum));
    }
    return out;
  }

  /**
   * Terms rising in a window of days compared with the window of the same length just before it. A
   * term qualifies when it appears in at least {@code minSupport} counted submissions in the window
   * and more often than in the previous window; terms are ranked by smoothed growth {@code (current
   * + 1) / (previous + 1)}, then by current count, then by term.
   *
   * @param from the window's first local day
   * @param days the window's length in days, at least 1
   * @param minSupport minimum count in the window, at least 1
   * @param k how many
   * @return at most {@code k} rising terms
   */
  public List<RisingTerm> rising(LocalDate from, int days, long minSupport, int k) {
    if (days < 1 || minSupport < 1 || k < 0) {
      throw new InvalidInputException(
          "rising", "days and minSupport must be at least 1 and k not negative");
    }
    Map<String, Long> current = between(from, from.plusDays(days));
    Map<String, Long> previous = between(from.minusDays(days), from);
    List<RisingTerm> out = new ArrayList<>();
    current.forEach(
        (term, now) -> {
          long before = previous.getOrDefault(term, 0L);
          if (now >= minSupport && now > before) {
            out.add(new RisingTerm(term, now, before, (now + 1.0) / (before + 1.0)));
          }
        });
    out.sort(
        Comparator.comparingDouble(RisingTerm::growth)
            .reversed()
            .thenComparing(Comparator.comparingLong(RisingTerm::current).reversed())
            .thenComparing(RisingTerm::term));
    return List.copyOf(out.subList(0, Math.min(k, out.size())));
  }

  /**
   * The terms most often found in the same counted submission as a term.
   *
   * @param term the term
   * @param k how many
   * @return at most {@code k} co-occurring terms with the number of shared submissions
   */
  public List<TermCount> cooccurring(String term, int k) {
    Map<String, Long> with = new HashMap<>(pairs.getOrDefault(term, new TreeMap<>()));
    pairs.forEach(
        (a, partners) -> {
          Long n = partners.get(term);
          if (n != null) {
            with.merge(a, n, Long::sum);
          }
        });
    return Values.top(with, k);
  }

  /**
   * The sum of both.
   *
   * @param other terms of other submissions
   * @return merged statistics
   */
  public TermStats merge(TermStats other) {
    return new TermStats(
        Values.sum(overall, other.overall),
        Values.sumNested(byDistrict, other.byDistrict),
        Values.sumNested(byChannel, other.byChannel),
        Values.sumNested(byRole, other.byRole),
        Values.sumNested(byDay, other.byDay),
        Values.sumNested(pairs, other.pairs));
  }
}
