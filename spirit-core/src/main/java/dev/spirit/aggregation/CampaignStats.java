package dev.spirit.aggregation;

import dev.spirit.aggregation.internal.SloganKeys;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.error.InvalidInputException;
import dev.spirit.participant.Role;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToLongFunction;

/**
 * Everything aggregation knows about a campaign (or one district of it), as one immutable value
 * that merges associatively: each district aggregates its own submissions and the city merges the
 * values, getting exactly what one aggregation over every submission would give (distinct counts
 * beyond their exact limit are sketches, equal as sketches and within their stated error of the
 * true number). Serializable to JSON with stable field names (see {@link AggregationJson}).
 *
 * @param zone the campaign's time zone, which the time buckets are in
 * @param participantKeyId the {@link ParticipantKey#id()} of the key participant ids were hashed
 *     under: statistics merge only with statistics keyed alike
 * @param counts submission counts by every dimension
 * @param participants distinct participants
 * @param terms term counts
 * @param slogans slogan-kind counted submissions by exact key
 */
public record CampaignStats(
    ZoneId zone,
    String participantKeyId,
    Counts counts,
    ParticipantStats participants,
    TermStats terms,
    SortedMap<String, SloganStats> slogans) {

  /** The default normal quantile of shortlists: 95% confidence. */
  public static final double DEFAULT_Z = 1.96;

  /** The default minimum skeleton length of near-duplicate slogans. */
  public static final int DEFAULT_NEAR_DUPLICATE_MIN_LENGTH = 6;

  public CampaignStats {
    if (zone == null
        || participantKeyId == null
        || counts == null
        || participants == null
        || terms == null) {
      throw new InvalidInputException(
          "campaignStats", "zone, participantKeyId, counts, participants and terms are required");
    }
    slogans = Values.values("slogans", slogans);
  }

  /**
   * Nothing counted yet.
   *
   * @param zone the campaign's time zone
   * @param config the configuration (for the distinct-count settings)
   * @return empty statistics
   */
  public static CampaignStats empty(ZoneId zone, AggregationConfig config) {
    return new CampaignStats(
        zone,
        config.participantKey().id(),
        Counts.empty(),
        ParticipantStats.empty(config.exactDistinctLimit(), config.hllPrecision()),
        TermStats.empty(),
        new TreeMap<>());
  }

  /**
   * The statistics of both sets of submissions, as if one aggregation had seen them all. Merging is
   * associative and commutative. The two sets must be disjoint (different districts, stores or
   * periods): a submission counted in both is counted twice, while distinct participants are
   * deduplicated.
   *
   * @param other statistics of other submissions of the same campaign
   * @return merged statistics
   * @throws InvalidInputException if the time zones, participant keys or distinct-count settings
   *     differ
   */
  public CampaignStats merge(CampaignStats other) {
    if (!zone.equals(other.zone)) {
      throw new InvalidInputException(
          "campaignStats.zone",
          "cannot merge statistics in " + zone + " with statistics in " + other.zone);
    }
    if (!participantKeyId.equals(other.participantKeyId)) {
      throw new InvalidInputException(
          "campaignStats.participantKeyId",
          "cannot merge statistics whose participants were hashed under different keys ("
              + participantKeyId
              + " and "
              + other.participantKeyId
              + "): the same person would count twice; give every district the city's shared"
              + " key (AggregationConfig.builder().participantKey(ParticipantKey.fromSecret(...)))");
    }
    return new CampaignStats(
        zone,
        participantKeyId,
        counts.merge(other.counts),
        participants.merge(other.participants),
        terms.merge(other.terms),
        Values.mergeValues(slogans, other.slogans, SloganStats::merge));
  }

  /**
   * What a public dashboard or open-data release may show: figures without participant hashes, with
   * every cell about fewer than {@code k} people held back (see {@link OpenDataStats}).
   *
   * @param k the smallest number of people a published cell may describe ({@link
   *     OpenDataStats#DEFAULT_K} is 5)
   * @return the publishable figures
   * @throws InvalidInputException if {@code k} is below 1
   */
  public OpenDataStats openData(int k) {
    return OpenDataStats.of(this, k);
  }

  /**
   * Merges many statistics.
   *
   * @param parts statistics of disjoint sets of submissions; at least one
   * @return their merge
   */
  public static CampaignStats mergeAll(List<CampaignStats> parts) {
    if (parts.isEmpty()) {
      throw new InvalidInputException("parts", "at least one statistics value is needed");
    }
    CampaignStats out = parts.get(0);
    for (int i = 1; i < parts.size(); i++) {
      out = out.merge(parts.get(i));
    }
    return out;
  }

  /**
   * Slogan candidates with the default near-duplicate length, in shortlist order.
   *
   * @return candidates, best first
   */
  public List<Candidate> candidates() {
    return candidates(DEFAULT_NEAR_DUPLICATE_MIN_LENGTH, DEFAULT_Z);
  }

  /**
   * Slogan candidates: slogans merged when their exact keys are equal (same text up to case,
   * punctuation, spacing and traditional/simplified characters) or near-identical (their skeletons
   * differ by at most one character on each side, for skeletons of at least {@code
   * nearDuplicateMinLength} characters; grouping is transitive). Ordered by the Wilson lower bound
   * of support, then supporters, then text.
   *
   * @param nearDuplicateMinLength minimum skeleton length for near-duplicate merging
   * @param z the normal quantile of the Wilson bound
   * @return candidates, best first
   */
  public List<Candidate> candidates(int nearDuplicateMinLength, double z) {
    List<String> keys = new ArrayList<>(slogans.keySet());
    int[] parent = new int[keys.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    Map<String, Integer> bySkeleton = new HashMap<>();
    Map<String, Integer> byVariant = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      String skeleton = SloganKeys.skeleton(keys.get(i));
      if (skeleton.isEmpty()) {
        skeleton = keys.get(i);
      }
      Integer same = bySkeleton.putIfAbsent(skeleton, i);
      if (same != null) {
        union(parent, same, i);
      }
      if (skeleton.codePointCount(0, skeleton.length()) >= nearDuplicateMinLength) {
        for (String variant : SloganKeys.deletionVariants(skeleton)) {
          Integer near = byVariant.putIfAbsent(variant, i);
          if (near != null) {
            union(parent, near, i);
          }
        }
      }
    }
    Map<Integer, SloganStats> groups = new TreeMap<>();
    for (int i = 0; i < keys.size(); i++) {
      SloganStats s = slogans.get(keys.get(i));
      groups.merge(find(parent, i), s, SloganStats::merge);
    }
    Map<Set<District>, Long> trialsCache = new HashMap<>();
    List<Candidate> out = new ArrayList<>(groups.size());
    for (SloganStats g : groups.values()) {
      long supporters = g.supporters().count();
      long trials =
          Math.max(
              supporters,
              trialsCache.computeIfAbsent(
                  new TreeSet<>(g.byDistrict().keySet()), ds -> participants.inAnyOf(ds).count()));
      List<String> variants = new ArrayList<>(g.texts().keySet());
      variants.sort(
          Comparator.comparingLong((String t) -> g.texts().get(t))
              .reversed()
              .thenComparing(Comparator.naturalOrder()));
      out.add(
          new Candidate(
              g.displayText(),
              variants,
              g.submissions(),
              supporters,
              g.supporters().exact(),
              g.endorsements(),
              trials,
              Candidate.wilsonLowerBound(supporters, trials, z),
              g.byDistrict(),
              g.byChannel(),
              g.byRole()));
    }
    out.sort(
        Comparator.comparingDouble(Candidate::score)
            .reversed()
            .thenComparing(Comparator.comparingLong(Candidate::supporters).reversed())
            .thenComparing(Candidate::text));
    return List.copyOf(out);
  }

  /**
   * The shortlist for the jury with the default settings.
   *
   * @param size how many candidates at most
   * @return the shortlist
   */
  public Shortlist shortlist(int size) {
    return shortlist(size, DEFAULT_NEAR_DUPLICATE_MIN_LENGTH, DEFAULT_Z);
  }

  /**
   * The shortlist for the jury: the first candidates in {@link #candidates(int, double)} order.
   *
   * @param size how many candidates at most
   * @param nearDuplicateMinLength minimum skeleton length for near-duplicate merging
   * @param z the normal quantile of the Wilson bound
   * @return the shortlist
   */
  public Shortlist shortlist(int size, int nearDuplicateMinLength, double z) {
    if (size < 0) {
      throw new InvalidInputException("size", "must not be negative, was " + size);
    }
    List<Candidate> all = candidates(nearDuplicateMinLength, z);
    return new Shortlist(z, all.subList(0, Math.min(size, all.size())));
  }

  /**
   * The most often given slogans (merged candidates), by counted submissions.
   *
   * @param k how many
   * @return at most {@code k} candidates, most submissions first
   */
  public List<Candidate> topSlogans(int k) {
    return topSlogans(k, Candidate::submissions);
  }

  /**
   * The most often given slogans in a district.
   *
   * @param k how many
   * @param district the district
   * @return at most {@code k} candidates given there, most submissions there first
   */
  public List<Candidate> topSlogans(int k, District district) {
    return topSlogans(k, c -> c.byDistrict().getOrDefault(district, 0L));
  }

  /**
   * The most often given slogans through a channel.
   *
   * @param k how many
   * @param channel the channel
   * @return at most {@code k} candidates, most submissions through it first
   */
  public List<Candidate> topSlogans(int k, Channel channel) {
    return topSlogans(k, c -> c.byChannel().getOrDefault(channel, 0L));
  }

  /**
   * The most often given slogans by authors with a role.
   *
   * @param k how many
   * @param role the role
   * @return at most {@code k} candidates, most submissions by that role first
   */
  public List<Candidate> topSlogans(int k, Role role) {
    return topSlogans(k, c -> c.byRole().getOrDefault(role, 0L));
  }

  private List<Candidate> topSlogans(int k, ToLongFunction<Candidate> count) {
    List<Candidate> out = new ArrayList<>();
    for (Candidate c : candidates()) {
      if (count.applyAsLong(c) > 0) {
        out.add(c);
      }
    }
    out.sort(Comparator.comparingLong(count).reversed().thenComparing(Candidate::text));
    return List.copyOf(out.subList(0, Math.min(Math.max(k, 0), out.size())));
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
}
