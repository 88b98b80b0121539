package dev.spirit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spirit.error.InvalidInputException;
import dev.spirit.io.LineResult.Outcome;
import dev.spirit.participant.Consent;
import dev.spirit.participant.ConsentPurpose;
import dev.spirit.participant.ConsentText;
import dev.spirit.submission.RejectionCode;
import dev.spirit.submission.Submission;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Importer: consent records and collection times")
class ImportConsentAndTimesTest {
  private static final ConsentText V2 = ConsentText.of("v2", "我同意渝中区发布和统计我的话。");
  private static final List<String> HEADER =
      List.of(
          "text",
          "district",
          "participant",
          "consent",
          "consent_version",
          "consent_purposes",
          "consent_at",
          "collected_at");

  @TempDir Path dir;
  private final IoFixture f = new IoFixture();

  @AfterEach
  void close() {
    f.close();
  }

  private static List<String> row(
      String text, String consent, String version, String purposes, String at, String collected) {
    return List.of(
        text,
        "yuzhong",
        "p-" + Integer.toHexString(text.hashCode()),
        consent,
        version,
        purposes,
        at,
        collected);
  }

  private ImportReport run(DataFormat format, List<List<String>> rows) throws Exception {
    Path file = IoFixture.write(dir, "festival." + format.key(), format, rows);
    return f.importer().build().run(IoFixture.source(file));
  }

  private Submission stored(String text) {
    return f.stored().stream()
        .filter(s -> s.text().original().equals(text))
        .findFirst()
        .orElseThrow();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(DataFormat.class)
  @DisplayName(
      "a row's consent version, purposes and time become a consent record naming the campaign's"
          + " text, and its collection time is kept in the provenance")
  void consentRecordAndCollectionTime(DataFormat format) throws Exception {
    f.spirit.campaigns().setConsent(f.campaign.id(), Optional.of(V2), Set.of());
    ImportReport report =
        run(
            format,
            List.of(
                HEADER,
                row("耿直", "yes", "v2", "publish,statistics", "2026-09-03T10:00:00Z", "2026-09-03"),
                row("雄壮", "", "v2", "发布、统计", "", "2026-09-03 18:30"),
                row("包容", "是", "", "", "", "2026-09-03T18:30+08:00")));

    assertThat(report.lines())
        .extracting(LineResult::outcome)
        .containsExactly(Outcome.IMPORTED, Outcome.IMPORTED, Outcome.REFUSED);
    Consent first = stored("耿直").participant().consentRecord().orElseThrow();
    assertThat(first.givenAt()).isEqualTo(Instant.parse("2026-09-03T10:00:00Z"));
    assertThat(first.text()).contains(V2);
    assertThat(first.purposes()).containsExactly(ConsentPurpose.PUBLISH, ConsentPurpose.STATISTICS);
    // A date is its start in Asia/Shanghai, the importer's default zone.
    assertThat(stored("耿直").provenance().collectedAt())
        .contains(Instant.parse("2026-09-02T16:00:00Z"));
    // Received when imported, whatever the collection time.
    assertThat(stored("耿直").receivedAt()).isEqualTo(f.clock.instant());

    Consent second = stored("雄壮").participant().consentRecord().orElseThrow();
    assertThat(second.text()).contains(V2);
    assertThat(second.purposes())
        .containsExactly(ConsentPurpose.PUBLISH, ConsentPurpose.STATISTICS);
    // Without consent_at, consent was given when the card was written.
    Instant festival = Instant.parse("2026-09-03T10:30:00Z");
    assertThat(second.givenAt()).isEqualTo(festival);
    assertThat(stored("雄壮").provenance().collectedAt()).contains(festival);

    // The yes/no form names no text: a campaign presenting one refuses it.
    assertThat(report.lines().get(2).rejections())
        .extracting(r -> r.code())
        .containsExactly(RejectionCode.CONSENT_TEXT_MISMATCH);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(DataFormat.class)
  @DisplayName(
      "without a campaign text: purposes or a consent time alone make a record without text; the"
          + " yes/no form stays a yes/no")
  void consentWithoutText(DataFormat format) throws Exception {
    ImportReport report =
        run(
            format,
            List.of(
                HEADER,
                row("包容", "是", "", "", "", "2026-09-03T18:30+08:00"),
                row("大气", "", "", "statistics；contact", "2026-09-04T09:00", "")));

    assertThat(report.lines()).extracting(LineResult::outcome).containsOnly(Outcome.IMPORTED);
    assertThat(stored("包容").participant().consentRecord()).isEmpty();
    assertThat(stored("包容").participant().consent()).isTrue();
    assertThat(stored("包容").provenance().collectedAt())
        .contains(Instant.parse("2026-09-03T10:30:00Z"));

    Consent fourth = stored("大气").participant().consentRecord().orElseThrow();
    assertThat(fourth.text()).isEmpty();
    assertThat(fourth.purposes())
        .containsExactly(ConsentPurpose.STATISTICS, ConsentPurpose.CONTACT);
    assertThat(fourth.givenAt()).isEqualTo(Instant.parse("2026-09-04T01:00:00Z"));
    assertThat(stored("大气").provenance().collectedAt()).isEmpty();
  }

  @Test
  @DisplayName("a consent record without consent_at is given at the time of the import")
  void consentWithoutAnyTime() throws Exception {
    ImportReport report =
        run(DataFormat.CSV, List.of(HEADER, row("耿直", "yes", "", "publish", "", "")));
    assertThat(report.imported()).isEqualTo(1);
    assertThat(stored("耿直").participant().consentRecord().orElseThrow().givenAt())
        .isEqualTo(f.clock.instant());
  }

  @Test
  @DisplayName(
      "the yes/no form alone still works: no is refused where consent is required, yes permits"
          + " every purpose")
  void yesNo() throws Exception {
    ImportReport report =
        run(
            DataFormat.JSON_LINES,
            List.of(HEADER, row("耿直", "no", "", "", "", ""), row("雄壮", "yes", "", "", "", "")));
    assertThat(report.lines().get(0).rejections())
        .extracting(r -> r.code())
        .containsExactly(RejectionCode.CONSENT_REQUIRED);
    assertThat(report.imported()).isEqualTo(1);
    assertThat(stored("雄壮").participant().consentRecord()).isEmpty();
    assertThat(stored("雄壮").participant().permits(ConsentPurpose.CONTACT)).isTrue();
  }

  static Stream<Arguments> badRows() {
    return Stream.of(
        Arguments.of(
            "an unknown purpose",
            row("坏", "yes", "", "publish,marketing", "", ""),
            "consent_purposes",
            "marketing"),
        Arguments.of(
            "separators only", row("坏", "yes", "", " 、, ", "", ""), "consent_purposes", "no"),
        Arguments.of(
            "a version the campaign does not present",
            row("坏", "yes", "v1", "publish", "", ""),
            "consent_version",
            "names consent text version 'v1'; campaign spirit-of-yuzhong presents no consent text"),
        Arguments.of(
            "an unreadable consent time",
            row("坏", "yes", "", "publish", "yesterday", ""),
            "consent_at",
            "'yesterday' is not a time"),
        Arguments.of(
            "an unreadable collection time",
            row("坏", "yes", "", "", "", "3/9/2026"),
            "collected_at",
            "'3/9/2026' is not a time"),
        Arguments.of(
            "consent no with consent details",
            row("坏", "no", "", "publish", "", ""),
            "consent",
            "says no"),
        Arguments.of(
            "consent neither yes nor no", row("坏", "maybe", "", "", "", ""), "consent", "'maybe'"),
        Arguments.of(
            "an impossible date",
            row("坏", "yes", "", "publish", "2026-13-01", ""),
            "consent_at",
            "'2026-13-01' is not a time"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRows")
  @DisplayName("a bad consent or time value refuses that row with its line and reason only")
  void badValue(String what, List<String> bad, String column, String reason) throws Exception {
    for (DataFormat format : List.of(DataFormat.CSV, DataFormat.JSON_LINES)) {
      try (IoFixture fresh = new IoFixture()) {
        Path file =
            IoFixture.write(
                dir,
                "bad." + format.key(),
                format,
                List.of(HEADER, row("好", "yes", "", "", "", ""), bad));
        ImportReport report = fresh.importer().build().run(IoFixture.source(file));
        assertThat(report.lines())
            .extracting(LineResult::outcome)
            .containsExactly(Outcome.IMPORTED, Outcome.REFUSED);
        LineResult refused = report.lines().get(1);
        assertThat(refused.line()).isEqualTo(format == DataFormat.CSV ? 3 : 2);
        assertThat(refused.reasons())
            .singleElement()
            .asString()
            .startsWith(column + ": ")
            .contains(reason);
        assertThat(fresh.stored()).extracting(s -> s.text().original()).containsExactly("好");
      }
    }
  }

  static Stream<Arguments> future() {
    // The fixture's now is 2026-10-01T02:00:00Z (10:00 in Shanghai).
    return Stream.of(
        Arguments.of("collected_at", "2026-10-01T10:04", null),
        Arguments.of("collected_at", "2026-10-01T10:06", RejectionCode.COLLECTED_IN_FUTURE),
        Arguments.of("collected_at", "2026-10-02", RejectionCode.COLLECTED_IN_FUTURE),
        Arguments.of("consent_at", "2026-10-01T02:05:00Z", null),
        Arguments.of("consent_at", "2026-10-01T02:05:01Z", RejectionCode.CONSENT_IN_FUTURE));
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @MethodSource("future")
  @DisplayName("a time after intake's now, beyond five minutes of skew, is refused by intake")
  void future(String column, String value, RejectionCode expected) throws Exception {
    List<String> bad =
        column.equals("collected_at")
            ? row("远", "yes", "", "", "", value)
            : row("远", "yes", "", "publish", value, "");
    ImportReport report = run(DataFormat.CSV, List.of(HEADER, bad));
    if (expected == null) {
      assertThat(report.imported()).isEqualTo(1);
    } else {
      assertThat(report.refused()).isEqualTo(1);
      assertThat(report.lines().get(0).rejections())
          .extracting(r -> r.code())
          .containsExactly(expected);
      assertThat(f.stored()).isEmpty();
    }
  }

  static Stream<Arguments> times() {
    return Stream.of(
        Arguments.of("2026-11-03T10:15:00Z", "UTC", "2026-11-03T10:15:00Z"),
        Arguments.of("2026-11-03T18:15+08:00", "UTC", "2026-11-03T10:15:00Z"),
        Arguments.of("2026-11-03T18:15", "Asia/Shanghai", "2026-11-03T10:15:00Z"),
        Arguments.of("2026-11-03 18:15:30", "Asia/Shanghai", "2026-11-03T10:15:30Z"),
        Arguments.of(" 2026-11-03 ", "Asia/Shanghai", "2026-11-02T16:00:00Z"),
        Arguments.of("2026-11-03", "Europe/Berlin", "2026-11-02T23:00:00Z"));
  }

  @ParameterizedTest(name = "{0} in {1} -> {2}")
  @MethodSource("times")
  @DisplayName("times are ISO instants, offset or local date-times, or dates, local ones in a zone")
  void timeForms(String value, String zone, String expected) {
    assertThat(ImportTimes.parse("collected_at", value, ZoneId.of(zone)))
        .isEqualTo(Instant.parse(expected));
  }

  @Test
  @DisplayName("the importer's time zone decides local times")
  void zoneGiven() throws Exception {
    Path file =
        IoFixture.write(
            dir,
            "berlin.csv",
            DataFormat.CSV,
            List.of(HEADER, row("耿直", "yes", "", "", "", "2026-09-03T12:00")));
    f.importer().timeZone(ZoneId.of("Europe/Berlin")).build().run(IoFixture.source(file));
    assertThat(stored("耿直").provenance().collectedAt())
        .contains(Instant.parse("2026-09-03T10:00:00Z"));
    assertThatThrownBy(() -> f.importer().timeZone(null)).isInstanceOf(InvalidInputException.class);
  }
}
