package dev.spirit.examples.report;

import dev.spirit.Spirit;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.participant.Role;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.submission.ModerationReason;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionStatus;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The participation and moderation figures of a {@link ReportData}: every stored submission counted
 * by status, channel, district, role and local day, and the reasons automatic moderation gave. Both
 * report data implementations share it; {@link AggregatedReportData} needs nothing else from a
 * scan.
 */
final class Participation {
  private final Campaign campaign;
  private long total;
  private final Map<SubmissionStatus, Long> byStatus = new EnumMap<>(SubmissionStatus.class);
  private final Map<Channel, Long> byChannel = new EnumMap<>(Channel.class);
  private final Map<District, Long> byDistrict = new TreeMap<>();
  private final Map<Role, Long> byRole = new EnumMap<>(Role.class);
  private final SortedMap<LocalDate, Long> daily = new TreeMap<>();
  private final Map<String, Long> reasons = new HashMap<>();

  Participation(Campaign campaign) {
    this.campaign = campaign;
    for (SubmissionStatus s : SubmissionStatus.values()) {
      byStatus.put(s, 0L);
    }
    for (Channel c : campaign.channels()) {
      byChannel.put(c, 0L);
    }
    for (District d : campaign.districts()) {
      byDistrict.put(d, 0L);
    }
  }

  /** The figures of one scan of a campaign's submissions. */
  static Participation scan(Spirit spirit, Campaign campaign) {
    Participation figures = new Participation(campaign);
    try (Stream<Submission> all =
        spirit.submissions().stream(SubmissionFilter.all(campaign.id()))) {
      all.forEach(figures::add);
    }
    figures.finish();
    return figures;
  }

  /** Counts one stored submission, whatever its status. */
  void add(Submission s) {
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
  }

  /** Fills the days without submissions between the first and the last day with zeros. */
  void finish() {
    if (daily.isEmpty()) {
      return;
    }
    for (LocalDate d = daily.firstKey(); d.isBefore(daily.lastKey()); d = d.plusDays(1)) {
      daily.putIfAbsent(d, 0L);
    }
  }

  Campaign campaign() {
    return campaign;
  }

  long total() {
    return total;
  }

  Map<SubmissionStatus, Long> byStatus() {
    return Collections.unmodifiableMap(byStatus);
  }

  Map<Channel, Long> byChannel() {
    return Collections.unmodifiableMap(byChannel);
  }

  Map<District, Long> byDistrict() {
    return Collections.unmodifiableMap(byDistrict);
  }

  Map<Role, Long> byRole() {
    return Collections.unmodifiableMap(byRole);
  }

  SortedMap<LocalDate, Long> daily() {
    return Collections.unmodifiableSortedMap(daily);
  }

  Map<String, Long> moderationReasons() {
    Map<String, Long> sorted = new LinkedHashMap<>();
    reasons.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }
}
