package dev.spirit.examples.report;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.District;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@link ReportData} computed by one scan of a campaign's submissions with {@link
 * dev.spirit.Submissions#stream(SubmissionFilter)}. Fine for thousands of submissions; the
 * aggregation module keeps the same figures incrementally for millions.
 */
public final class ScanReportData extends ParticipationReportData {
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
    super(new Participation(campaign));
    for (District d : campaign.districts()) {
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
    try (Stream<Submission> all =
        spirit.submissions().stream(SubmissionFilter.all(campaign.id()))) {
      all.forEach(data::add);
    }
    data.participation.finish();
    return data;
  }

  private void add(Submission s) {
    participation.add(s);
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

  private static List<TermCount> top(Map<String, Set<String>> supporters, int limit) {
    return supporters.entrySet().stream()
        .map(e -> new TermCount(e.getKey(), e.getValue().size()))
        .sorted(
            Comparator.comparingLong(TermCount::count).reversed().thenComparing(TermCount::term))
        .limit(limit)
        .toList();
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
