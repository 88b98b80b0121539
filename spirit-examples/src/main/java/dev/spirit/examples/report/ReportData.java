package dev.spirit.examples.report;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.participant.Role;
import dev.spirit.submission.SubmissionStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * The figures a report, the terminal summary and {@code spirit stats} show. This is the seam to the
 * aggregation module: today {@link ScanReportData} computes it by scanning the store; an
 * aggregation-backed implementation can replace it without touching the renderers.
 *
 * <p>Participation figures (status, channel, district, role, daily) count every stored submission;
 * word figures and the shortlist count only public ({@code APPROVED}) ones, each participant once
 * per text.
 */
public interface ReportData {

  /**
   * The campaign the figures are about.
   *
   * @return the campaign
   */
  Campaign campaign();

  /**
   * How many submissions are stored, whatever their status.
   *
   * @return the total
   */
  long total();

  /**
   * Stored submissions per moderation status; every status is present, possibly with zero.
   *
   * @return counts in status order
   */
  Map<SubmissionStatus, Long> byStatus();

  /**
   * Stored submissions per channel; every channel of the campaign is present.
   *
   * @return counts in channel order
   */
  Map<Channel, Long> byChannel();

  /**
   * Stored submissions per district; every district of the campaign is present.
   *
   * @return counts in district order
   */
  Map<District, Long> byDistrict();

  /**
   * Stored submissions per declared role.
   *
   * @return counts in role order
   */
  Map<Role, Long> byRole();

  /**
   * Stored submissions per local day (in the campaign's time zone), without gaps between the first
   * and the last day.
   *
   * @return counts by day, ascending
   */
  SortedMap<LocalDate, Long> daily();

  /**
   * Reasons automatic moderation gave, by reason code, most frequent first.
   *
   * @return counts by code
   */
  Map<String, Long> moderationReasons();

  /**
   * The most given public keywords of the whole campaign.
   *
   * @param limit at most this many
   * @return terms, most frequent first, ties by text
   */
  List<TermCount> topTerms(int limit);

  /**
   * The most given public keywords of each district.
   *
   * @param limit at most this many per district
   * @return terms per district, in district order
   */
  Map<District, List<TermCount>> topTermsByDistrict(int limit);

  /**
   * The public keywords and slogans with the widest support, for a jury to choose from.
   *
   * @param limit at most this many
   * @return entries, most supported first
   */
  List<ShortlistEntry> shortlist(int limit);

  /**
   * A term and how many times it was given.
   *
   * @param term the normalized term
   * @param count how many public submissions contain it (each once)
   */
  record TermCount(String term, long count) {}

  /**
   * One candidate of the shortlist.
   *
   * @param text the normalized text
   * @param kind keyword or slogan
   * @param participants how many distinct participants gave it
   * @param districts where it was given
   */
  record ShortlistEntry(
      String text, SubmissionKind kind, long participants, Set<District> districts) {
    public ShortlistEntry {
      districts = Set.copyOf(districts);
    }
  }
}
