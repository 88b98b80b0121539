package dev.spirit.aggregation;

import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.campaign.Language;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.error.InvalidInputException;
import dev.spirit.participant.Role;
import dev.spirit.submission.SubmissionStatus;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Submission counts by every dimension. {@code byStatus} covers every stored submission; every
 * other map counts counted (approved) submissions only, so each of them sums to {@link
 * #submissions()}.
 *
 * @param byStatus stored submissions per status
 * @param endorsements endorsements of counted submissions
 * @param byDistrict counted submissions per district
 * @param byChannel counted submissions per channel
 * @param byRole counted submissions per author role
 * @param byKind counted submissions per kind
 * @param byLanguage counted submissions per language
 * @param byHour counted submissions per local hour (the hour's start) in the campaign's time zone
 */
public record Counts(
    SortedMap<SubmissionStatus, Long> byStatus,
    long endorsements,
    SortedMap<District, Long> byDistrict,
    SortedMap<Channel, Long> byChannel,
    SortedMap<Role, Long> byRole,
    SortedMap<SubmissionKind, Long> byKind,
    SortedMap<Language, Long> byLanguage,
    SortedMap<LocalDateTime, Long> byHour) {

  public Counts {
    byStatus = Values.counts("byStatus", byStatus);
    if (endorsements < 0) {
      throw new InvalidInputException("endorsements", "must not be negative");
    }
    byDistrict = Values.counts("byDistrict", byDistrict);
    byChannel = Values.counts("byChannel", byChannel);
    byRole = Values.counts("byRole", byRole);
    byKind = Values.counts("byKind", byKind);
    byLanguage = Values.counts("byLanguage", byLanguage);
    byHour = Values.counts("byHour", byHour);
  }

  /**
   * No submissions.
   *
   * @return empty counts
   */
  public static Counts empty() {
    return new Counts(
        new TreeMap<>(),
        0,
        new TreeMap<>(),
        new TreeMap<>(),
        new TreeMap<>(),
        new TreeMap<>(),
        new TreeMap<>(),
        new TreeMap<>());
  }

  /**
   * The number of counted (approved) submissions.
   *
   * @return submissions
   */
  public long submissions() {
    return byDistrict.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * Counted submissions per local day.
   *
   * @return day to count, ascending
   */
  public SortedMap<LocalDate, Long> byDay() {
    TreeMap<LocalDate, Long> out = new TreeMap<>();
    byHour.forEach((hour, n) -> out.merge(hour.toLocalDate(), n, Long::sum));
    return Collections.unmodifiableSortedMap(out);
  }

  /**
   * Counted submissions per local ISO week, keyed by the week's Monday.
   *
   * @return Monday to count, ascending
   */
  public SortedMap<LocalDate, Long> byWeek() {
    TreeMap<LocalDate, Long> out = new TreeMap<>();
    byHour.forEach(
        (hour, n) ->
            out.merge(
                hour.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                n,
                Long::sum));
    return Collections.unmodifiableSortedMap(out);
  }

  /**
   * The counts of both, as if one aggregation had seen both sets of submissions.
   *
   * @param other counts of other submissions
   * @return the sum
   */
  public Counts merge(Counts other) {
    return new Counts(
        Values.sum(byStatus, other.byStatus),
        endorsements + other.endorsements,
        Values.sum(byDistrict, other.byDistrict),
        Values.sum(byChannel, other.byChannel),
        Values.sum(byRole, other.byRole),
        Values.sum(byKind, other.byKind),
        Values.sum(byLanguage, other.byLanguage),
        Values.sum(byHour, other.byHour));
  }
}
