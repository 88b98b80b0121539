package dev.spirit.examples.report;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.participant.Role;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.submission.ModerationReason;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@link ReportData} computed by one scan of a campaign's submissions with {@link
 * Spirit#stream(SubmissionFilter)}. Fine for thousands of submissions; the aggregation module keeps
 * the same figures incrementally for millions.
 */
public final class ScanReportData implements ReportData {
  private final Campaign campaign;
  private long total;
  private final Map<SubmissionStatus, Long> byStatus = new EnumMap<>(SubmissionStatus.class);
  private final Map<Channel, Long> byChannel = new EnumMap<>(Channel.class);
  private final Map<District, Long> byDistrict = new TreeMap<>();
  private final Map<Role, Long> byRole = new EnumMap<>(Role.class);
  private final SortedMap<LocalDate, Long> daily = new TreeMap<>();
  private final Map<String, Long> reasons = new HashMap<>();
  private final Map<String, Set<String>> termSupporters = new HashMap<>();
  private final Map<District, Map<String, Set<String>>> districtTermSupporters = new TreeMap<>();
  private final Map<String, Candidate> candidates = new HashMap<>();

  private static final class Candidate {
    final SubmissionKind kind;
    final Set<String> supporters = new HashSet<>();
    final Set<District> districts = new TreeSet<>();

    Candidate(SubmissionKind kind) {
      this.kind = kind;
    }
  }

  private ScanReportData(Campaign campaign) {
    this.campaign = campaign;
    for (SubmissionStatus s : SubmissionStatus.values()) {
      byStatus.put(s, 0L);
    }
    for (Channel c : campaign.channels()) {
      byChannel.put(c, 0L);
    }
    for (District d : campaign.districts()) {
      byDistrict.put(d, 0L);
      districtTermSupporters.put(d, new HashMap<>());
    }
  }

  /**
   * Scans a campaign's submissions.
   *
   * @param spirit the Spirit instance
   * @param campaign the campaign
   * @return the figures
   */
  public static ScanReportData scan(Spirit spirit, Campaign campaign) {
    ScanReportData data = new ScanReportData(campaign);
    try (Stream<Submission> all = spirit.stream(SubmissionFilter.all(campaign.id()))) {
      all.forEach(data::add);
    }
    data.fillDayGaps();
    return data;
  }

  private void add(Submission s) {
    total++;
    byStatus.merge(s.status(), 1L, Long::sum);
    byChannel.merge(s.channel(), 1L, Long::sum);
    byDistrict.merge(s.district(), 1L, Long::sum);
    byRole.merge(s.participant().role(), 1L, Long::sum);
    daily.merge(s.receivedAt().atZone(campaign.timeZone()).toLocalDate(), 1L, Long::sum);
    s.moderation()
        .ifPresent(
            m -> {
              for (ModerationReason r : m.reasons()) {
                reasons.merge(r.code(), 1L, Long::sum);
              }
            });
    if (s.status() != SubmissionStatus.APPROVED) {
      return;
    }
    String term = term(s.text().normalized());
    String who = s.participant().id().value();
    if (s.kind() == SubmissionKind.KEYWORD) {
      termSupporters.computeIfAbsent(term, t -> new HashSet<>()).add(who);
      districtTermSupporters
          .computeIfAbsent(s.district(), d -> new HashMap<>())
          .computeIfAbsent(term, t -> new HashSet<>())
          .add(who);
    }
    if (s.kind() == SubmissionKind.KEYWORD || s.kind() == SubmissionKind.SLOGAN) {
      Candidate c = candidates.computeIfAbsent(term, t -> new Candidate(s.kind()));
      c.supporters.add(who);
      c.districts.add(s.district());
    }
  }

  /**
   * The form under which a text is counted: normalized, lowercase for Latin letters.
   *
   * @param normalized a normalized text
   * @return its counting key
   */
  static String term(String normalized) {
    return normalized.toLowerCase(Locale.ROOT);
  }

  private void fillDayGaps() {
    if (daily.isEmpty()) {
      return;
    }
    for (LocalDate d = daily.firstKey(); d.isBefore(daily.lastKey()); d = d.plusDays(1)) {
      daily.putIfAbsent(d, 0L);
    }
  }

  private static List<TermCount> top(Map<String, Set<String>> supporters, int limit) {
    return supporters.entrySet().stream()
        .map(e -> new TermCount(e.getKey(), e.getValue().size()))
        .sorted(
            Comparator.comparingLong(TermCount::count).reversed().thenComparing(TermCount::term))
        .limit(limit)
        .toList();
  }

  @Override
  public Campaign campaign() {
    return campaign;
  }

  @Override
  public long total() {
    return total;
  }

  @Override
  public Map<SubmissionStatus, Long> byStatus() {
    return Collections.unmodifiableMap(byStatus);
  }

  @Override
  public Map<Channel, Long> byChannel() {
    return Collections.unmodifiableMap(byChannel);
  }

  @Override
  public Map<District, Long> byDistrict() {
    return Collections.unmodifiableMap(byDistrict);
  }

  @Override
  public Map<Role, Long> byRole() {
    return Collections.unmodifiableMap(byRole);
  }

  @Override
  public SortedMap<LocalDate, Long> daily() {
    return Collections.unmodifiableSortedMap(daily);
  }

  @Override
  public Map<String, Long> moderationReasons() {
    Map<String, Long> sorted = new LinkedHashMap<>();
    reasons.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  @Override
  public List<TermCount> topTerms(int limit) {
    return top(termSupporters, limit);
  }

  @Override
  public Map<District, List<TermCount>> topTermsByDistrict(int limit) {
    Map<District, List<TermCount>> result = new LinkedHashMap<>();
    districtTermSupporters.forEach((d, terms) -> result.put(d, top(terms, limit)));
    return result;
  }

  @Override
  public List<ShortlistEntry> shortlist(int limit) {
    List<ShortlistEntry> entries = new ArrayList<>();
    candidates.forEach(
        (text, c) ->
            entries.add(new ShortlistEntry(text, c.kind, c.supporters.size(), c.districts)));
    entries.sort(
        Comparator.comparingLong(ShortlistEntry::participants)
            .reversed()
            .thenComparing(e -> -e.districts().size())
            .thenComparing(ShortlistEntry::text));
    return entries.subList(0, Math.min(limit, entries.size()));
  }
}
