package dev.spirit.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spirit.campaign.CampaignId;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.campaign.Language;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.error.InvalidInputException;
import dev.spirit.storage.SpiritCodec;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("consent is a validated record of time, text and purposes")
class ConsentTest {
  private static final Instant T = Instant.parse("2026-06-01T08:00:00Z");
  private static final ConsentText TEXT = ConsentText.of("v2", "我同意。");

  @Test
  @DisplayName("a text's version carries the SHA-256 of its UTF-8 words")
  void textHash() {
    assertThat(ConsentText.of("v1", "abc").sha256())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(ConsentText.of("v1", "abc")).isNotEqualTo(ConsentText.of("v1", "abd"));
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(
            "blank version", (ThrowingCallable) () -> ConsentText.of(" ", "x"), "consent.version"),
        Arguments.of(
            "empty text", (ThrowingCallable) () -> ConsentText.of("v1", ""), "consent.text"),
        Arguments.of(
            "hash not hex",
            (ThrowingCallable) () -> new ConsentText("v1", "XYZ"),
            "64 lowercase hex digits"),
        Arguments.of(
            "no time",
            (ThrowingCallable) () -> Consent.given(null, TEXT, Set.of(ConsentPurpose.PUBLISH)),
            "consent.givenAt"),
        Arguments.of(
            "no purpose",
            (ThrowingCallable) () -> Consent.given(T, TEXT, Set.of()),
            "at least one of [PUBLISH, STATISTICS, CONTACT]"),
        Arguments.of(
            "withdrawn before given",
            (ThrowingCallable)
                () -> new Consent(T, Optional.of(TEXT), Set.of(), Optional.of(T.minusSeconds(1))),
            "must not be before"),
        Arguments.of(
            "yes/no flag disagreeing with the record",
            (ThrowingCallable)
                () ->
                    new Participant(
                        ParticipantId.of("p"),
                        Role.RESIDENT,
                        false,
                        Optional.of(Consent.given(T, TEXT, Set.of(ConsentPurpose.PUBLISH)))),
            "agree with the consent record"),
        Arguments.of(
            "unknown purpose name",
            (ThrowingCallable) () -> ConsentPurpose.parse("marketing"),
            "consent.purpose"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  @DisplayName("bad values are refused with a typed error naming the field")
  void refused(String what, ThrowingCallable make, String message) {
    assertThatThrownBy(make)
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(message);
  }

  @Test
  @DisplayName(
      "withdrawing a purpose keeps the rest and says when; withdrawing it again is a no-op")
  void withdraw() {
    Consent c = Consent.given(T, TEXT, EnumSet.allOf(ConsentPurpose.class));
    Consent after = c.withdraw(Set.of(ConsentPurpose.PUBLISH), T.plusSeconds(60));
    assertThat(after.purposes()).containsExactly(ConsentPurpose.STATISTICS, ConsentPurpose.CONTACT);
    assertThat(after.withdrawnAt()).contains(T.plusSeconds(60));
    assertThat(after.withdraw(Set.of(ConsentPurpose.PUBLISH), T.plusSeconds(90))).isSameAs(after);
  }

  @Test
  @DisplayName("the yes/no form allows every purpose or none")
  void yesNoForm() {
    Participant yes = Participant.consenting("p", Role.RESIDENT);
    Participant no = Participant.withoutConsent(ParticipantId.of("p"), Role.RESIDENT);
    for (ConsentPurpose p : ConsentPurpose.values()) {
      assertThat(yes.permits(p)).isTrue();
      assertThat(no.permits(p)).isFalse();
    }
    assertThat(no.withdrawing(Set.of(ConsentPurpose.PUBLISH), T, T)).isSameAs(no);
  }

  private static Submission.Builder submission(Participant p) {
    return Submission.builder()
        .id(SubmissionId.generate(T))
        .campaignId(CampaignId.generate(T))
        .kind(SubmissionKind.KEYWORD)
        .text("耿直")
        .language(Language.ZH)
        .district(District.of("yuzhong"))
        .channel(Channel.ONLINE)
        .participant(p)
        .receivedAt(T);
  }

  @Test
  @DisplayName(
      "a submission with a consent record encodes and decodes equal; one stored before consent"
          + " records (\"consent\": true, no record) still reads, as the yes/no form")
  void storedJson() {
    Submission recorded =
        submission(
                Participant.withConsent(
                    ParticipantId.of("p-1"),
                    Role.RESIDENT,
                    Consent.given(T, TEXT, Set.of(ConsentPurpose.STATISTICS))))
            .build();
    String json = SpiritCodec.toJson(recorded);
    assertThat(json).contains("\"consentRecord\":{").contains(TEXT.sha256());
    assertThat(SpiritCodec.submissionFromJson(json)).isEqualTo(recorded);

    Submission yesNo = submission(Participant.consenting("p-1", Role.RESIDENT)).build();
    String old = SpiritCodec.toJson(yesNo);
    assertThat(old)
        .contains("\"participant\":{\"id\":\"p-1\",\"role\":\"RESIDENT\",\"consent\":true}");
    Participant read = SpiritCodec.submissionFromJson(old).participant();
    assertThat(read.consent()).isTrue();
    assertThat(read.consentRecord()).isEmpty();
    assertThat(read.permits(ConsentPurpose.PUBLISH)).isTrue();
  }
}
