package dev.spirit.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spirit.campaign.CampaignId;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.participant.Role;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hourly and daily buckets are those of the campaign's local time, including on days whose length
 * is not 24 hours and days that do not start at midnight; aggregation remembers the current day's
 * bounds instead of converting every instant, so this checks it against a plain conversion.
 */
@DisplayName("Time buckets")
class TimeBucketsTest {
  private static final CampaignId CAMPAIGN =
      CampaignId.generate(Instant.parse("2024-01-01T00:00:00Z"));

  @ParameterizedTest(name = "in {0}")
  @DisplayName("local hours and days equal a plain conversion of each instant, in and out of order")
  @ValueSource(
      strings = {
        "America/New_York", // 23- and 25-hour days
        "America/Sao_Paulo", // used to skip midnight: days starting at 01:00
        "Asia/Kathmandu", // an offset of +05:45
        "Australia/Lord_Howe", // half-hour daylight saving
        "Asia/Shanghai"
      })
  void localHoursAndDaysEqualAPlainConversion(String zoneId) {
    ZoneId zone = ZoneId.of(zoneId);
    Random random = new Random(zoneId.hashCode());
    List<Submission> submissions = new ArrayList<>();
    // Every 53 minutes over two years, so every transition of those years is crossed, in order...
    Instant start = Instant.parse("2017-01-01T00:00:00Z");
    for (Instant at = start;
        at.isBefore(start.plus(Duration.ofDays(730)));
        at = at.plus(Duration.ofMinutes(53))) {
      submissions.add(submission(at));
    }
    // ...and a shuffled copy, so that days also come back out of order.
    List<Submission> shuffled = new ArrayList<>(submissions);
    Collections.shuffle(shuffled, random);
    TreeMap<LocalDateTime, Long> expected = new TreeMap<>();
    for (Submission s : submissions) {
      expected.merge(
          LocalDateTime.ofInstant(s.receivedAt(), zone).truncatedTo(ChronoUnit.HOURS),
          1L,
          Long::sum);
    }
    for (List<Submission> order : List.of(submissions, shuffled)) {
      CampaignStats stats =
          BatchAggregator.aggregate(order.stream(), Stream.empty(), zone, Fixtures.CONFIG);
      assertThat(stats.counts().byHour()).isEqualTo(expected);
      TreeMap<java.time.LocalDate, Long> days = new TreeMap<>();
      expected.forEach((hour, n) -> days.merge(hour.toLocalDate(), n, Long::sum));
      assertThat(stats.counts().byDay()).isEqualTo(days);
      TreeMap<java.time.LocalDate, java.util.Map<String, Long>> termDays = new TreeMap<>();
      days.forEach((day, n) -> termDays.put(day, java.util.Map.of("山城", n)));
      assertThat(stats.terms().byDay()).isEqualTo(termDays);
    }
  }

  private static Submission submission(Instant at) {
    return Fixtures.submission(
        CAMPAIGN,
        "p1",
        Role.RESIDENT,
        "yuzhong",
        Channel.ONLINE,
        SubmissionKind.KEYWORD,
        "山城",
        at.toString(),
        SubmissionStatus.APPROVED);
  }
}
