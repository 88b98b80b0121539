package dev.spirit;

import static dev.spirit.IntakeFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.CampaignId;
import dev.spirit.campaign.CampaignState;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.campaign.Language;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.error.InvalidInputException;
import dev.spirit.error.SpiritException;
import dev.spirit.participant.Participant;
import dev.spirit.participant.ParticipantId;
import dev.spirit.participant.Role;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.submission.Provenance;
import dev.spirit.submission.Receipt;
import dev.spirit.submission.Rejection;
import dev.spirit.submission.RejectionCode;
import dev.spirit.submission.SubmissionRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input gets one clear, typed answer: malformed values are refused with an {@link
 * InvalidInputException} naming the field before anything reaches intake; well-formed requests that
 * break a campaign rule get a {@link Receipt.Rejected} with the rule's code and a message naming
 * the limit. Nothing is ever stored.
 */
@DisplayName("Bad input")
class BadInputTest {

  /** One attempt at intake against the campaigns of {@link Campaigns}. */
  @FunctionalInterface
  interface Attempt {
    Receipt run(Campaigns c);
  }

  /** What a row expects. */
  sealed interface Outcome permits Invalid, Rejected {}

  /** An exception of this type naming this field, with these message parts. */
  record Invalid(String field, List<String> messageParts) implements Outcome {
    @Override
    public String toString() {
      return "InvalidInputException(" + field + ")";
    }
  }

  /** A rejected receipt with exactly this one reason. */
  record Rejected(RejectionCode code, String field, List<String> messageParts) implements Outcome {
    @Override
    public String toString() {
      return "Rejected(" + code + ")";
    }
  }

  static Outcome invalid(String field, String... messageParts) {
    return new Invalid(field, Arrays.asList(messageParts));
  }

  static Outcome rejected(RejectionCode code, String field, String... messageParts) {
    return new Rejected(code, field, Arrays.asList(messageParts));
  }

  /** The campaigns every row runs against, in a fresh Spirit. */
  static final class Campaigns {
    final IntakeFixture fx = new IntakeFixture();

    /** Open; keyword 1–20, slogan 2–60, message 2–1000, poem 4–2000; zh and en; 2 each. */
    final Campaign open =
        fx.campaign(
            CampaignState.OPEN,
            r ->
                r.onlyKinds(
                        SubmissionKind.KEYWORD,
                        SubmissionKind.SLOGAN,
                        SubmissionKind.MESSAGE,
                        SubmissionKind.POEM)
                    .maxPerParticipant(2));

    final Campaign zhOnly = fx.campaign(CampaignState.OPEN, r -> r.languages(Language.ZH));
    final Campaign draft = fx.campaign(CampaignState.DRAFT, UnaryOperator.identity());
    final Campaign paused = fx.campaign(CampaignState.PAUSED, UnaryOperator.identity());
    final Campaign closed = fx.campaign(CampaignState.CLOSED, UnaryOperator.identity());
    final Campaign archived = fx.campaign(CampaignState.ARCHIVED, UnaryOperator.identity());
    final Campaign notYetOpen =
        fx.campaign(
            CampaignState.OPEN,
            UnaryOperator.identity(),
            b -> b.window(NOW.plus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(30))));
    final Campaign justEnded =
        fx.campaign(
            CampaignState.OPEN,
            UnaryOperator.identity(),
            b -> b.window(NOW.minus(Duration.ofDays(30)), NOW));

    Campaigns() {
      // p-full has used up the open campaign's limit of 2.
      fx.spirit.submit(request(open, "p-full").text("耿直").build()).orThrow();
      fx.spirit.submit(request(open, "p-full").text("雄壮").build()).orThrow();
    }

    SubmissionRequest.Builder request(Campaign c, String participant) {
      return fx.request(c, participant);
    }

    SubmissionRequest.Builder request() {
      return request(open, "p-1");
    }

    Receipt submit(SubmissionRequest.Builder b) {
      return fx.spirit.submit(b.build());
    }

    long stored() {
      return fx.spirit.campaigns().list().stream()
          .mapToLong(c -> fx.store.count(SubmissionFilter.all(c.id())))
          .sum();
    }
  }

  static Arguments row(String name, Attempt attempt, Outcome outcome) {
    return Arguments.of(name, attempt, outcome);
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        // -- malformed text: refused when the request is built
        row(
            "null text",
            c -> c.submit(c.request().text(null)),
            invalid("text", "must not be null")),
        row(
            "empty text",
            c -> c.submit(c.request().text("")),
            invalid("text", "must not be empty")),
        row(
            "1 MB text",
            c -> c.submit(c.request().text("长".repeat(1 << 20))),
            invalid("text", "longer than the limit of 20000 code points")),
        row(
            "20 001 supplementary-plane code points",
            c -> c.submit(c.request().text("𠀀".repeat(20_001))),
            invalid("text", "longer than the limit of 20000 code points")),
        row(
            "lone high surrogate",
            c -> c.submit(c.request().text("耿\uD83D直")),
            invalid("text", "unpaired surrogate at index 1")),
        row(
            "high surrogate at the very end",
            c -> c.submit(c.request().text("耿直\uD83D")),
            invalid("text", "unpaired surrogate at index 2")),
        row(
            "lone low surrogate",
            c -> c.submit(c.request().text("\uDE00耿直")),
            invalid("text", "unpaired surrogate at index 0")),
        row(
            "NUL character",
            c -> c.submit(c.request().text("耿\u0000直")),
            invalid("text", "NUL character at index 1")),
        row(
            "C0 control BEL",
            c -> c.submit(c.request().text("耿直\u0007")),
            invalid("text", "control character U+0007 at index 2")),
        row(
            "C0 control ESC (terminal escape)",
            c -> c.submit(c.request().text("\u001B[31m耿直")),
            invalid("text", "control character U+001B at index 0")),
        row(
            "DEL",
            c -> c.submit(c.request().text("耿\u007F直")),
            invalid("text", "control character U+007F")),
        row(
            "C1 control NEL",
            c -> c.submit(c.request().text("耿\u0085直")),
            invalid("text", "control character U+0085")),
        row(
            "C1 control CSI",
            c -> c.submit(c.request().text("耿\u009B直")),
            invalid("text", "control character U+009B")),
        // -- malformed values of other fields
        row(
            "malformed district code",
            c -> c.submit(c.request().district("Yu Zhong")),
            invalid("district", "'Yu Zhong' is not a district code")),
        row(
            "missing district",
            c -> c.submit(c.request().district((District) null)),
            invalid("district", "must not be null")),
        row(
            "unknown channel name",
            c -> c.submit(c.request().channel(Channel.parse("fax"))),
            invalid("channel", "unknown channel 'fax'", "message-board", "interview")),
        row(
            "missing channel",
            c -> c.submit(c.request().channel(null)),
            invalid("channel", "must not be null")),
        row(
            "unknown kind name",
            c -> c.submit(c.request().kind(SubmissionKind.parse("haiku"))),
            invalid("kind", "unknown kind 'haiku'", "interview-note")),
        row(
            "malformed language tag",
            c -> c.submit(c.request().language(Language.of("english"))),
            invalid("language", "'english' is not an ISO 639 language code")),
        row(
            "missing participant",
            c -> c.submit(c.request().participant(null)),
            invalid("participant", "must not be null")),
        row(
            "participant id with a space",
            c ->
                c.submit(
                    c.request()
                        .participant(
                            new Participant(ParticipantId.of("zhang san"), Role.RESIDENT, true))),
            invalid("participantId", "visible ASCII", "U+0020 at index 5")),
        row(
            "non-ASCII idempotency key",
            c -> c.submit(c.request().idempotencyKey("键-1")),
            invalid("idempotencyKey", "visible ASCII")),
        row(
            "multi-line collection point",
            c -> c.submit(c.request().collectionPoint("board 1\nboard 2")),
            invalid("collectionPoint", "single line")),
        row(
            "staff entry without the staff member",
            c ->
                c.submit(
                    c.request()
                        .provenance(
                            new Provenance(
                                Provenance.Source.TRANSCRIBED_CARD,
                                Optional.empty(),
                                Optional.empty()))),
            invalid("provenance.enteredBy", "is required", "TRANSCRIBED_CARD")),
        // -- well formed, but against the campaign's rules
        row(
            "blank-only text",
            c -> c.submit(c.request().text("   \t ").language(Language.ZH)),
            rejected(RejectionCode.TOO_SHORT, "text", "0 characters", "keyword needs at least 1")),
        row(
            "only invisible characters",
            c -> c.submit(c.request().text("\u200B\u200D\uFEFF\u202E").language(Language.ZH)),
            rejected(RejectionCode.TOO_SHORT, "text", "0 characters", "at least 1")),
        row(
            "well-formed district the campaign does not run in",
            c -> c.submit(c.request().district("shapingba")),
            rejected(
                RejectionCode.DISTRICT_NOT_ALLOWED,
                "district",
                "'shapingba'",
                "[jiangbei, yuzhong]")),
        row(
            "channel the campaign does not accept",
            c -> c.submit(c.request().channel(Channel.CARD)),
            rejected(RejectionCode.CHANNEL_NOT_ALLOWED, "channel", "'card' is not accepted")),
        row(
            "kind the campaign does not accept",
            c -> c.submit(c.request().kind(SubmissionKind.INTERVIEW_NOTE)),
            rejected(RejectionCode.KIND_NOT_ALLOWED, "kind", "'interview-note' is not accepted")),
        row(
            "unknown campaign",
            c ->
                c.submit(
                    SubmissionRequest.builder(CampaignId.generate(NOW))
                        .text("耿直")
                        .district("yuzhong")
                        .channel(Channel.ONLINE)
                        .participant(Participant.consenting("p-1", Role.RESIDENT))),
            rejected(RejectionCode.CAMPAIGN_NOT_FOUND, "campaignId", "does not exist")),
        row(
            "draft campaign",
            c -> c.submit(c.request(c.draft, "p-1")),
            rejected(RejectionCode.CAMPAIGN_NOT_OPEN, "campaignId", "is DRAFT")),
        row(
            "paused campaign",
            c -> c.submit(c.request(c.paused, "p-1")),
            rejected(RejectionCode.CAMPAIGN_NOT_OPEN, "campaignId", "is PAUSED")),
        row(
            "closed campaign",
            c -> c.submit(c.request(c.closed, "p-1")),
            rejected(RejectionCode.CAMPAIGN_NOT_OPEN, "campaignId", "is CLOSED")),
        row(
            "archived campaign",
            c -> c.submit(c.request(c.archived, "p-1")),
            rejected(RejectionCode.CAMPAIGN_NOT_OPEN, "campaignId", "is ARCHIVED")),
        row(
            "open campaign before its window opens",
            c -> c.submit(c.request(c.notYetOpen, "p-1")),
            rejected(
                RejectionCode.CAMPAIGN_NOT_OPEN,
                "campaignId",
                "is OPEN",
                "opens 2026-06-01T09:00:00Z",
                "not taking submissions at 2026-06-01T08:00:00Z")),
        row(
            "open campaign at the instant its window closes",
            c -> c.submit(c.request(c.justEnded, "p-1")),
            rejected(RejectionCode.CAMPAIGN_NOT_OPEN, "campaignId", "closes 2026-06-01T08:00:00Z")),
        row(
            "keyword one code point too long",
            c -> c.submit(c.request().text("重".repeat(21))),
            rejected(RejectionCode.TOO_LONG, "text", "21 characters", "keyword allows at most 20")),
        row(
            "slogan too short",
            c -> c.submit(c.request().kind(SubmissionKind.SLOGAN).text("好")),
            rejected(RejectionCode.TOO_SHORT, "text", "1 characters", "slogan needs at least 2")),
        row(
            "poem too short",
            c -> c.submit(c.request().kind(SubmissionKind.POEM).text("春眠晓")),
            rejected(RejectionCode.TOO_SHORT, "text", "3 characters", "poem needs at least 4")),
        row(
            "message too long",
            c -> c.submit(c.request().kind(SubmissionKind.MESSAGE).text("言".repeat(1001))),
            rejected(
                RejectionCode.TOO_LONG, "text", "1001 characters", "message allows at most 1000")),
        row(
            "detected language not accepted",
            c -> c.submit(c.request(c.zhOnly, "p-1").text("candor")),
            rejected(
                RejectionCode.LANGUAGE_NOT_ALLOWED, "language", "'en' is not accepted", "[zh]")),
        row(
            "declared language not accepted",
            c -> c.submit(c.request().language(Language.of("fr-CA"))),
            rejected(
                RejectionCode.LANGUAGE_NOT_ALLOWED,
                "language",
                "'fr' is not accepted",
                "[en, zh]")),
        row(
            "language that cannot be determined",
            c -> c.submit(c.request().text("12345 !!")),
            rejected(RejectionCode.LANGUAGE_NOT_ALLOWED, "language", "could not be determined")),
        row(
            "consent missing",
            c ->
                c.submit(
                    c.request()
                        .participant(
                            new Participant(ParticipantId.of("p-1"), Role.VISITOR, false))),
            rejected(
                RejectionCode.CONSENT_REQUIRED,
                "participant.consent",
                "requires the participant's consent")),
        row(
            "participant at the campaign's limit",
            c -> c.submit(c.request(c.open, "p-full").text("麻辣")),
            rejected(
                RejectionCode.PARTICIPANT_LIMIT_REACHED,
                "participant",
                "already has 2 submissions",
                "allows 2")));
  }

  private Campaigns campaigns;

  @BeforeEach
  void setUp() {
    campaigns = new Campaigns();
  }

  @AfterEach
  void tearDown() {
    campaigns.fx.close();
  }

  @ParameterizedTest(name = "{0} → {2}")
  @MethodSource("rows")
  @DisplayName(
      "each bad input gets its typed outcome, naming the field and the limit, and stores nothing")
  void badInput(String name, Attempt attempt, Outcome outcome) {
    long before = campaigns.stored();
    Receipt[] receipt = new Receipt[1];
    Throwable thrown = catchThrowable(() -> receipt[0] = attempt.run(campaigns));
    if (outcome instanceof Invalid invalid) {
      assertThat(thrown)
          .as(name)
          .isInstanceOf(InvalidInputException.class)
          .isInstanceOf(SpiritException.class);
      assertThat(((InvalidInputException) thrown).field()).isEqualTo(invalid.field());
      for (String part : invalid.messageParts()) {
        assertThat(thrown).hasMessageContaining(part);
      }
    } else {
      Rejected rejected = (Rejected) outcome;
      assertThat(thrown).as(name).isNull();
      assertThat(receipt[0]).isInstanceOf(Receipt.Rejected.class);
      List<Rejection> reasons = ((Receipt.Rejected) receipt[0]).reasons();
      assertThat(reasons).as("exactly one broken rule").hasSize(1);
      Rejection reason = reasons.get(0);
      assertThat(reason.code()).isEqualTo(rejected.code());
      assertThat(reason.field()).isEqualTo(rejected.field());
      for (String part : rejected.messageParts()) {
        assertThat(reason.message()).contains(part);
      }
    }
    assertThat(campaigns.stored()).as("nothing stored").isEqualTo(before);
  }

  @Test
  @DisplayName("a request breaking several rules gets every reason at once")
  void everyReason() {
    Receipt receipt =
        campaigns.submit(
            campaigns
                .request(campaigns.closed, "p-1")
                .district("shapingba")
                .channel(Channel.EVENT)
                .kind(SubmissionKind.KEYWORD)
                .text("重".repeat(21))
                .participant(new Participant(ParticipantId.of("p-1"), Role.OTHER, false)));
    assertThat(((Receipt.Rejected) receipt).reasons())
        .extracting(Rejection::code)
        .containsExactly(
            RejectionCode.CAMPAIGN_NOT_OPEN,
            RejectionCode.DISTRICT_NOT_ALLOWED,
            RejectionCode.CHANNEL_NOT_ALLOWED,
            RejectionCode.TOO_LONG,
            RejectionCode.CONSENT_REQUIRED);
  }

  @Test
  @DisplayName("tab, line feed and carriage return are allowed in text and kept as given")
  void allowedControls() {
    String text = "山水之城\t美丽之地\r\n重庆";
    Receipt.Accepted accepted =
        campaigns.submit(campaigns.request().kind(SubmissionKind.SLOGAN).text(text)).orThrow();
    assertThat(
            campaigns.fx.spirit.submissions().find(accepted.id()).orElseThrow().text().original())
        .isEqualTo(text);
  }

  @Test
  @DisplayName("length limits count normalized code points: invisible characters do not count")
  void limitsCountNormalizedText() {
    String twentyVisible = "重".repeat(10) + "\u200B".repeat(30) + "庆".repeat(10);
    assertThat(campaigns.submit(campaigns.request().text(twentyVisible)).accepted()).isTrue();
    String emoji = "😀".repeat(20); // 40 UTF-16 chars, 20 code points
    assertThat(
            campaigns
                .submit(campaigns.request(campaigns.open, "p-2").text(emoji).language(Language.ZH))
                .accepted())
        .isTrue();
  }

  @Test
  @DisplayName("orThrow on a rejected receipt throws SubmissionRejectedException with the reasons")
  void orThrow() {
    Receipt receipt = campaigns.submit(campaigns.request(campaigns.closed, "p-1"));
    assertThat(catchThrowable(receipt::orThrow))
        .isInstanceOf(dev.spirit.submission.SubmissionRejectedException.class)
        .hasMessageContaining("CAMPAIGN_NOT_OPEN")
        .hasMessageContaining("is CLOSED");
  }
}
