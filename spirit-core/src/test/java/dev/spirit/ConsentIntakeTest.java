package dev.spirit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spirit.aggregation.AggregationConfig;
import dev.spirit.aggregation.IncrementalAggregator;
import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.CampaignState;
import dev.spirit.campaign.ModerationMode;
import dev.spirit.event.SpiritListener;
import dev.spirit.io.Audience;
import dev.spirit.io.DataFormat;
import dev.spirit.io.Exporter;
import dev.spirit.participant.Consent;
import dev.spirit.participant.ConsentPurpose;
import dev.spirit.participant.ConsentText;
import dev.spirit.participant.Participant;
import dev.spirit.participant.ParticipantId;
import dev.spirit.participant.Role;
import dev.spirit.participant.Withdrawal;
import dev.spirit.submission.Receipt;
import dev.spirit.submission.RejectionCode;
import dev.spirit.submission.Submission;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("intake, publication and withdrawal follow the participant's consent record")
class ConsentIntakeTest {
  private static final ConsentText V2 = ConsentText.of("v2", "我同意重庆城市精神征集使用我的话。");
  private static final ConsentText V1 = ConsentText.of("v1", "旧的同意书。");

  private static Participant consent(ConsentText text, ConsentPurpose... purposes) {
    return Participant.withConsent(
        ParticipantId.of("p-1"),
        Role.RESIDENT,
        Consent.given(IntakeFixture.NOW.minusSeconds(5), text, Set.of(purposes)));
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("the presented version, publish", consent(V2, ConsentPurpose.PUBLISH), null),
        Arguments.of(
            "a stale version",
            consent(V1, ConsentPurpose.PUBLISH),
            RejectionCode.CONSENT_TEXT_MISMATCH),
        Arguments.of(
            "the right version name but other words",
            consent(new ConsentText("v2", V1.sha256()), ConsentPurpose.PUBLISH),
            RejectionCode.CONSENT_TEXT_MISMATCH),
        Arguments.of(
            "the yes/no form",
            Participant.consenting("p-1", Role.RESIDENT),
            RejectionCode.CONSENT_TEXT_MISMATCH),
        Arguments.of(
            "statistics only, publish required",
            consent(V2, ConsentPurpose.STATISTICS),
            RejectionCode.CONSENT_PURPOSE_MISSING),
        Arguments.of(
            "no consent",
            Participant.withoutConsent(ParticipantId.of("p-1"), Role.RESIDENT),
            RejectionCode.CONSENT_REQUIRED));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("cases")
  @DisplayName("a campaign presenting text v2 and requiring PUBLISH accepts or refuses")
  void intake(String what, Participant who, RejectionCode expected) {
    try (IntakeFixture f = new IntakeFixture()) {
      Campaign c =
          f.campaign(
              CampaignState.OPEN, r -> r.consentText(V2).requiredPurposes(ConsentPurpose.PUBLISH));
      Receipt r = f.spirit.submit(f.request(c, "p-1").participant(who).build());
      if (expected == null) {
        assertThat(r).isInstanceOf(Receipt.Accepted.class);
      } else {
        assertThat(r).isInstanceOf(Receipt.Rejected.class);
        assertThat(((Receipt.Rejected) r).reasons())
            .singleElement()
            .satisfies(x -> assertThat(x.code()).isEqualTo(expected));
      }
    }
  }

  static Stream<Arguments> givenAt() {
    return Stream.of(
        Arguments.of("a day before now", Duration.ofDays(-1), true),
        Arguments.of("exactly now", Duration.ZERO, true),
        Arguments.of("a minute after now (clock skew)", Duration.ofMinutes(1), true),
        Arguments.of("five minutes after now, the allowed skew", Duration.ofMinutes(5), true),
        Arguments.of("one second beyond the skew", Duration.ofMinutes(5).plusSeconds(1), false),
        Arguments.of("a day after now", Duration.ofDays(1), false));
  }

  @ParameterizedTest(name = "consent given {0} -> accepted: {2}")
  @MethodSource("givenAt")
  @DisplayName("consent given after intake's now, beyond five minutes of skew, is refused")
  void consentInFuture(String what, Duration offset, boolean accepted) {
    try (IntakeFixture f = new IntakeFixture()) {
      Campaign c = f.campaign(CampaignState.OPEN, r -> r.consentText(V2));
      Instant givenAt = IntakeFixture.NOW.plus(offset);
      Participant who =
          Participant.withConsent(
              ParticipantId.of("p-1"),
              Role.RESIDENT,
              Consent.given(givenAt, V2, Set.of(ConsentPurpose.PUBLISH)));
      Receipt r = f.spirit.submit(f.request(c, "p-1").participant(who).build());
      if (accepted) {
        assertThat(r).isInstanceOf(Receipt.Accepted.class);
      } else {
        assertThat(r).isInstanceOf(Receipt.Rejected.class);
        assertThat(((Receipt.Rejected) r).reasons())
            .singleElement()
            .satisfies(
                x -> {
                  assertThat(x.code()).isEqualTo(RejectionCode.CONSENT_IN_FUTURE);
                  assertThat(x.field()).isEqualTo("participant.consent");
                  assertThat(x.message())
                      .contains(givenAt.toString())
                      .contains(IntakeFixture.NOW.toString());
                });
      }
    }
  }

  @Test
  @DisplayName("a stale version is refused with a message naming both versions")
  void staleMessage() {
    try (IntakeFixture f = new IntakeFixture()) {
      Campaign c = f.campaign(CampaignState.OPEN, r -> r.consentText(V2));
      Receipt.Rejected r =
          (Receipt.Rejected)
              f.spirit.submit(
                  f.request(c, "p-1").participant(consent(V1, ConsentPurpose.PUBLISH)).build());
      assertThat(r.reasons().get(0).field()).isEqualTo("participant.consent.text");
      assertThat(r.reasons().get(0).message()).contains("version v2").contains("version v1");
    }
  }

  @Test
  @DisplayName(
      "approved without PUBLISH: never in open data, but counted in statistics when STATISTICS"
          + " is given; unpublishing takes a published one out of open data and tells listeners")
  void publication() {
    List<List<Submission>> told = new ArrayList<>();
    SpiritListener listener =
        new SpiritListener() {
          @Override
          public void onConsentWithdrawn(ParticipantId p, List<Submission> unpublished) {
            told.add(unpublished);
          }
        };
    try (IntakeFixture f =
        new IntakeFixture(dev.spirit.moderation.Moderator.NONE, List.of(listener))) {
      Campaign c = f.campaign(CampaignState.OPEN, r -> r.moderationMode(ModerationMode.POST));
      IncrementalAggregator stats = IncrementalAggregator.create(c, AggregationConfig.defaults());
      f.spirit.addListener(stats);
      f.spirit
          .submit(
              f.request(c, "p-1")
                  .text("耿直")
                  .participant(consent(V2, ConsentPurpose.STATISTICS))
                  .build())
          .orThrow();
      Participant publisher =
          Participant.withConsent(
              ParticipantId.of("p-2"),
              Role.RESIDENT,
              Consent.given(
                  IntakeFixture.NOW.minusSeconds(5),
                  V2,
                  Set.of(ConsentPurpose.PUBLISH, ConsentPurpose.STATISTICS)));
      f.spirit.submit(f.request(c, "p-2").text("雄壮").participant(publisher).build()).orThrow();

      assertThat(openData(f, c)).contains("雄壮").doesNotContain("耿直");
      assertThat(stats.snapshot().counts().submissions()).isEqualTo(2);

      f.clock.advance(java.time.Duration.ofMinutes(1));
      assertThat(
              f.spirit
                  .participants()
                  .withdrawConsent(ParticipantId.of("p-2"), Withdrawal.UNPUBLISH))
          .isEqualTo(1);
      assertThat(openData(f, c)).doesNotContain("雄壮");
      assertThat(stats.snapshot().counts().submissions()).isEqualTo(2);
      assertThat(told).singleElement().satisfies(l -> assertThat(l).hasSize(1));
    }
  }

  private static String openData(IntakeFixture f, Campaign c) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Exporter.builder(f.spirit, c.id())
        .audience(Audience.OPEN_DATA)
        .format(DataFormat.CSV)
        .build()
        .writeTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
