package dev.spirit;

import static dev.spirit.IntakeFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.CampaignId;
import dev.spirit.campaign.CampaignState;
import dev.spirit.campaign.Channel;
import dev.spirit.campaign.District;
import dev.spirit.campaign.Language;
import dev.spirit.campaign.ModerationMode;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.error.IllegalTransitionException;
import dev.spirit.error.InvalidInputException;
import dev.spirit.error.NotFoundException;
import dev.spirit.error.NotPermittedException;
import dev.spirit.error.VersionConflictException;
import dev.spirit.event.SpiritListener;
import dev.spirit.moderation.Moderator;
import dev.spirit.participant.Participant;
import dev.spirit.participant.ParticipantId;
import dev.spirit.participant.Role;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.storage.memory.InMemoryStore;
import dev.spirit.submission.AuditEntry;
import dev.spirit.submission.IdempotencyConflictException;
import dev.spirit.submission.ModerationDecision;
import dev.spirit.submission.ModerationReason;
import dev.spirit.submission.ModerationRecord;
import dev.spirit.submission.Provenance;
import dev.spirit.submission.Reaction;
import dev.spirit.submission.ReactionType;
import dev.spirit.submission.Receipt;
import dev.spirit.submission.RejectionCode;
import dev.spirit.submission.ReviewLease;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import dev.spirit.submission.SubmissionRequest;
import dev.spirit.submission.SubmissionStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Intake and the life of a submission")
class IntakeTest {

  /** Records every event, in order. */
  static final class Recorder implements SpiritListener {
    final List<String> events = new ArrayList<>();
    final List<Submission> accepted = new ArrayList<>();
    final List<Submission[]> changes = new ArrayList<>();
    final List<Long> reportCounts = new ArrayList<>();
    final List<List<Submission>> erased = new ArrayList<>();

    @Override
    public void onAccepted(Submission submission) {
      events.add("accepted");
      accepted.add(submission);
    }

    @Override
    public void onStatusChanged(Submission before, Submission after) {
      events.add("changed " + before.status() + "->" + after.status());
      changes.add(new Submission[] {before, after});
    }

    @Override
    public void onEndorsed(Submission submission, Reaction endorsement) {
      events.add("endorsed by " + endorsement.by());
    }

    @Override
    public void onReported(Submission submission, Reaction report, long distinctReports) {
      events.add("reported by " + report.by());
      reportCounts.add(distinctReports);
    }

    @Override
    public void onErased(ParticipantId participant, List<Submission> erasedSubmissions) {
      events.add("erased " + participant);
      erased.add(erasedSubmissions);
    }
  }

  private final Recorder recorder = new Recorder();
  private IntakeFixture fx = new IntakeFixture(Moderator.NONE, List.of(recorder));

  @AfterEach
  void close() {
    fx.close();
  }

  private Campaign postModerated(int reportThreshold) {
    return fx.campaign(
        CampaignState.OPEN,
        r -> r.moderationMode(ModerationMode.POST).reportThreshold(reportThreshold));
  }

  private Submission stored(Receipt receipt) {
    return fx.spirit.submissions().find(receipt.orThrow().id()).orElseThrow();
  }

  /** The campaign's audit log without the seals the store gave its entries (see the TCK). */
  private List<AuditEntry> audit(Campaign c) {
    try (Stream<AuditEntry> log = fx.store.streamAudit(c.id())) {
      return log.map(e -> e.withSeal(Optional.empty())).toList();
    }
  }

  @Test
  @DisplayName(
      "an accepted request is stored as given, normalized, with the clock's time, version 1")
  void acceptedAsGiven() {
    Campaign c = fx.openCampaign();
    Receipt receipt =
        fx.spirit.submit(
            fx.request(c, "kiosk-7-visitor-42")
                .kind(SubmissionKind.SLOGAN)
                .text("  山水之城\u3000美丽之地 ")
                .district("jiangbei")
                .channel(Channel.MAILBOX)
                .collectionPoint("guanyinqiao-mailbox-1")
                .provenance(
                    Provenance.enteredBy(
                        Provenance.Source.TRANSCRIBED_CARD, "staff-wang", "batch-9"))
                .idempotencyKey("mailbox-1-0001")
                .build());
    Receipt.Accepted accepted = receipt.orThrow();
    assertThat(accepted.replayed()).isFalse();
    assertThat(accepted.status()).isEqualTo(SubmissionStatus.PENDING);
    Submission s = stored(receipt);
    assertThat(s.text().original()).isEqualTo("  山水之城\u3000美丽之地 ");
    assertThat(s.text().normalized()).isEqualTo("山水之城 美丽之地");
    assertThat(s.language()).isEqualTo(Language.ZH);
    assertThat(s.district()).isEqualTo(District.of("jiangbei"));
    assertThat(s.channel()).isEqualTo(Channel.MAILBOX);
    assertThat(s.collectionPoint()).contains("guanyinqiao-mailbox-1");
    assertThat(s.provenance().importBatch()).contains("batch-9");
    assertThat(s.receivedAt()).isEqualTo(NOW);
    assertThat(s.version()).isEqualTo(1);
    assertThat(s.moderation()).contains(ModerationRecord.approved(NOW));
    assertThat(recorder.accepted).containsExactly(s);
  }

  @Test
  @DisplayName("a declared language is kept; an undeclared one is detected")
  void language() {
    Campaign c = fx.openCampaign();
    assertThat(stored(fx.spirit.submit(fx.request(c, "p-1").text("candor").build())).language())
        .isEqualTo(Language.EN);
    assertThat(
            stored(fx.spirit.submit(fx.request(c, "p-1").text("OK").language(Language.ZH).build()))
                .language())
        .isEqualTo(Language.ZH);
  }

  @Test
  @DisplayName("a retry with the same idempotency key replays the first receipt and stores nothing")
  void idempotentRetry() {
    Campaign c = fx.openCampaign();
    SubmissionRequest request = fx.request(c, "p-1").idempotencyKey("kiosk-7-000123").build();
    Receipt.Accepted first = fx.spirit.submit(request).orThrow();
    fx.clock.advance(Duration.ofMinutes(5));
    Receipt.Accepted retry = fx.spirit.submit(request).orThrow();
    assertThat(first.replayed()).isFalse();
    assertThat(retry).isEqualTo(new Receipt.Accepted(first.id(), first.status(), true));
    assertThat(fx.spirit.submissions().count(SubmissionFilter.all(c.id()))).isEqualTo(1);
    assertThat(recorder.accepted).hasSize(1);
  }

  @ParameterizedTest(name = "a different {0}")
  @MethodSource("otherContent")
  @DisplayName(
      "the same idempotency key with other content is refused as a conflict naming what differs,"
          + " and the stored submission stays as it was")
  void idempotencyConflict(String what, UnaryOperator<SubmissionRequest.Builder> change) {
    Campaign c = fx.openCampaign();
    Receipt.Accepted first =
        fx.spirit.submit(fx.request(c, "p-1").idempotencyKey("kiosk-7-000123").build()).orThrow();
    Receipt second =
        fx.spirit.submit(
            change.apply(fx.request(c, "p-1").idempotencyKey("kiosk-7-000123")).build());

    assertThat(second).isInstanceOf(Receipt.Rejected.class);
    Receipt.Rejected rejected = (Receipt.Rejected) second;
    assertThat(rejected.reasons())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.code()).isEqualTo(RejectionCode.IDEMPOTENCY_CONFLICT);
              assertThat(r.field()).isEqualTo("idempotencyKey");
              assertThat(r.message())
                  .startsWith("conflict: idempotency key kiosk-7-000123")
                  .contains(first.id().toString())
                  .endsWith("with a different " + what);
            });
    assertThatThrownBy(second::orThrow).isInstanceOf(IdempotencyConflictException.class);
    assertThat(fx.spirit.submissions().count(SubmissionFilter.all(c.id()))).isEqualTo(1);
    assertThat(fx.spirit.submissions().find(first.id()).orElseThrow().text().original())
        .isEqualTo("耿直");
    assertThat(recorder.accepted).hasSize(1);
  }

  static Stream<Arguments> otherContent() {
    return Stream.of(
        Arguments.of("text", (UnaryOperator<SubmissionRequest.Builder>) b -> b.text("雄壮")),
        Arguments.of(
            "channel", (UnaryOperator<SubmissionRequest.Builder>) b -> b.channel(Channel.ONLINE)),
        Arguments.of(
            "district", (UnaryOperator<SubmissionRequest.Builder>) b -> b.district("jiangbei")),
        Arguments.of(
            "collection point",
            (UnaryOperator<SubmissionRequest.Builder>) b -> b.collectionPoint("解放碑 board 3")),
        Arguments.of(
            "participant",
            (UnaryOperator<SubmissionRequest.Builder>)
                b -> b.participant(Participant.consenting("p-2", Role.RESIDENT))),
        Arguments.of(
            "text, participant",
            (UnaryOperator<SubmissionRequest.Builder>)
                b -> b.text("雄壮").participant(Participant.consenting("p-2", Role.RESIDENT))));
  }

  @Test
  @DisplayName(
      "in one batch, a second row with the first row's key and other text is a conflict, the"
          + " same row again a replay")
  void idempotencyConflictInABatch() {
    Campaign c = fx.openCampaign();
    List<Receipt> receipts =
        fx.spirit.submitAll(
            List.of(
                fx.request(c, "p-1").idempotencyKey("card-9").build(),
                fx.request(c, "p-1").idempotencyKey("card-9").build(),
                fx.request(c, "p-1").text("雄壮").idempotencyKey("card-9").build()));
    assertThat(receipts.get(0).accepted()).isTrue();
    assertThat(((Receipt.Accepted) receipts.get(1)).replayed()).isTrue();
    assertThat(((Receipt.Rejected) receipts.get(2)).has(RejectionCode.IDEMPOTENCY_CONFLICT))
        .isTrue();
    assertThat(fx.spirit.submissions().count(SubmissionFilter.all(c.id()))).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0} under {1}-moderation → {2}")
  @CsvSource({
    "REJECT,  PRE,  REJECTED",
    "REJECT,  POST, REJECTED",
    "REVIEW,  PRE,  PENDING",
    "REVIEW,  POST, PENDING",
    "APPROVE, PRE,  PENDING",
    "APPROVE, POST, APPROVED"
  })
  @DisplayName("the moderator's decision and the campaign's mode give the intake status")
  void moderationTable(
      ModerationDecision decision, ModerationMode mode, SubmissionStatus expected) {
    ModerationRecord verdict =
        new ModerationRecord(
            decision,
            List.of(new ModerationReason("test-rule", "test-code", decision, "because", List.of())),
            Map.of("test-rule", "1"),
            Optional.empty(),
            NOW);
    fx.close();
    fx = new IntakeFixture((s, campaign) -> verdict, List.of(recorder));
    Campaign c = fx.campaign(CampaignState.OPEN, r -> r.moderationMode(mode));
    Receipt.Accepted receipt = fx.spirit.submit(fx.request(c, "p-1").build()).orThrow();
    assertThat(receipt.status()).isEqualTo(expected);
    Submission s = fx.spirit.submissions().find(receipt.id()).orElseThrow();
    assertThat(s.status()).isEqualTo(expected);
    assertThat(s.moderation()).contains(verdict);
    assertThat(recorder.accepted).containsExactly(s);
    if (expected == SubmissionStatus.PENDING) {
      assertThat(audit(c)).isEmpty();
    } else {
      assertThat(audit(c))
          .containsExactly(
              new AuditEntry(
                  c.id(),
                  s.id(),
                  AuditEntry.ACTOR_MODERATION,
                  NOW,
                  SubmissionStatus.PENDING,
                  expected,
                  "automatic moderation: " + decision));
    }
  }

  @Test
  @DisplayName("a listener that throws neither fails intake nor keeps later listeners from hearing")
  void throwingListener() {
    Recorder after = new Recorder();
    SpiritListener broken =
        new SpiritListener() {
          @Override
          public void onAccepted(Submission submission) {
            throw new IllegalStateException("webhook down");
          }

          @Override
          public void onStatusChanged(Submission before, Submission changed) {
            throw new IllegalStateException("webhook down");
          }
        };
    fx.close();
    fx = new IntakeFixture(Moderator.NONE, List.of(broken, after));
    Campaign c = fx.openCampaign();
    Receipt receipt = fx.spirit.submit(fx.request(c, "p-1").build());
    assertThat(receipt.accepted()).isTrue();
    Submission s = stored(receipt);
    Submission approved =
        fx.spirit
            .review()
            .changeStatus(s.id(), 1, SubmissionStatus.APPROVED, "moderator-li", "fine");
    assertThat(approved.status()).isEqualTo(SubmissionStatus.APPROVED);
    assertThat(after.events).containsExactly("accepted", "changed PENDING->APPROVED");
  }

  @Nested
  @DisplayName("status changes")
  class StatusChanges {
    @Test
    @DisplayName("a change based on the current version is stored, audited and announced")
    void change() {
      Campaign c = fx.openCampaign();
      Submission s = stored(fx.spirit.submit(fx.request(c, "p-1").build()));
      Submission leased =
          fx.store.update(
              s.toBuilder()
                  .reviewLease(Optional.of(new ReviewLease("moderator-li", NOW.plusSeconds(60))))
                  .build());
      fx.clock.advance(Duration.ofMinutes(1));
      Submission approved =
          fx.spirit
              .review()
              .changeStatus(
                  s.id(), leased.version(), SubmissionStatus.APPROVED, "moderator-li", "好词");
      assertThat(approved.status()).isEqualTo(SubmissionStatus.APPROVED);
      assertThat(approved.version()).isEqualTo(3);
      assertThat(approved.reviewLease()).as("decision releases the lease").isEmpty();
      assertThat(audit(c))
          .containsExactly(
              new AuditEntry(
                  c.id(),
                  s.id(),
                  "moderator-li",
                  NOW.plusSeconds(60),
                  SubmissionStatus.PENDING,
                  SubmissionStatus.APPROVED,
                  "好词",
                  Optional.of("moderator-li"), // whose lease the decision ended
                  Optional.empty()));
      assertThat(recorder.changes).hasSize(1);
      assertThat(recorder.changes.get(0)[0]).isEqualTo(leased);
      assertThat(recorder.changes.get(0)[1]).isEqualTo(approved);
    }

    @Test
    @DisplayName("a change based on a stale version is refused with VersionConflictException")
    void staleVersion() {
      Campaign c = fx.openCampaign();
      Submission s = stored(fx.spirit.submit(fx.request(c, "p-1").build()));
      fx.spirit.review().changeStatus(s.id(), 1, SubmissionStatus.APPROVED, "moderator-li", "ok");
      assertThatThrownBy(
              () ->
                  fx.spirit
                      .review()
                      .changeStatus(s.id(), 1, SubmissionStatus.REJECTED, "moderator-wu", "no"))
          .isInstanceOf(VersionConflictException.class)
          .hasMessageContaining("expected version 1 but found 2");
      assertThat(fx.spirit.submissions().find(s.id()).orElseThrow().status())
          .isEqualTo(SubmissionStatus.APPROVED);
      assertThat(audit(c)).hasSize(1);
    }

    @Test
    @DisplayName("a change the status lifecycle forbids is refused with IllegalTransitionException")
    void illegalTransition() {
      Campaign c = fx.openCampaign();
      Submission s = stored(fx.spirit.submit(fx.request(c, "p-1").build()));
      Submission withdrawn = fx.spirit.review().withdraw(s.id(), s.participant().id());
      assertThatThrownBy(
              () ->
                  fx.spirit
                      .review()
                      .changeStatus(
                          s.id(),
                          withdrawn.version(),
                          SubmissionStatus.APPROVED,
                          "moderator-li",
                          "ok"))
          .isInstanceOfSatisfying(
              IllegalTransitionException.class,
              e -> {
                assertThat(e.from()).isEqualTo("WITHDRAWN");
                assertThat(e.to()).isEqualTo("APPROVED");
              });
      assertThat(fx.spirit.submissions().find(s.id())).contains(withdrawn);
    }

    @Test
    @DisplayName("changing a submission that does not exist is refused with NotFoundException")
    void missing() {
      assertThatThrownBy(
              () ->
                  fx.spirit
                      .review()
                      .changeStatus(
                          SubmissionId.generate(NOW), 1, SubmissionStatus.APPROVED, "m", "r"))
          .isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("only the author may withdraw, and the withdrawal is audited as the participant's")
    void withdraw() {
      Campaign c = fx.openCampaign();
      Submission s = stored(fx.spirit.submit(fx.request(c, "author").build()));
      assertThatThrownBy(
              () -> fx.spirit.review().withdraw(s.id(), ParticipantId.of("someone-else")))
          .isInstanceOf(NotPermittedException.class)
          .hasMessageContaining("only the author");
      assertThat(fx.spirit.submissions().find(s.id()).orElseThrow().status())
          .isEqualTo(SubmissionStatus.PENDING);
      Submission withdrawn = fx.spirit.review().withdraw(s.id(), ParticipantId.of("author"));
      assertThat(withdrawn.status()).isEqualTo(SubmissionStatus.WITHDRAWN);
      assertThat(audit(c))
          .singleElement()
          .extracting(AuditEntry::actor)
          .isEqualTo(AuditEntry.ACTOR_PARTICIPANT);
      assertThatThrownBy(() -> fx.spirit.review().withdraw(s.id(), ParticipantId.of("author")))
          .isInstanceOf(IllegalTransitionException.class);
    }
  }

  @Nested
  @DisplayName("reactions")
  class Reactions {
    @Test
    @DisplayName(
        "only approved submissions can be endorsed, and each person's endorsement counts once")
    void endorse() {
      Campaign c = fx.openCampaign(); // pre-moderation: pending at intake
      Submission s = stored(fx.spirit.submit(fx.request(c, "p-1").build()));
      assertThatThrownBy(() -> fx.spirit.review().endorse(s.id(), ParticipantId.of("fan-1")))
          .isInstanceOf(NotPermittedException.class)
          .hasMessageContaining("PENDING");
      fx.spirit.review().changeStatus(s.id(), 1, SubmissionStatus.APPROVED, "moderator-li", "ok");
      assertThat(fx.spirit.review().endorse(s.id(), ParticipantId.of("fan-1"))).isTrue();
      assertThat(fx.spirit.review().endorse(s.id(), ParticipantId.of("fan-1"))).isFalse();
      assertThat(fx.spirit.review().endorse(s.id(), ParticipantId.of("fan-2"))).isTrue();
      assertThat(fx.store.countReactions(s.id(), ReactionType.ENDORSE)).isEqualTo(2);
      assertThat(recorder.events).filteredOn(e -> e.startsWith("endorsed")).hasSize(2);
    }

    @Test
    @DisplayName(
        "reports hide an approved submission exactly when the threshold of distinct reporters is reached")
    void reportThreshold() {
      Campaign c = postModerated(3);
      Submission s = stored(fx.spirit.submit(fx.request(c, "p-1").build()));
      assertThat(s.status()).isEqualTo(SubmissionStatus.APPROVED);
      assertThat(fx.spirit.review().report(s.id(), ParticipantId.of("r-1"), "广告")).isTrue();
      assertThat(fx.spirit.review().report(s.id(), ParticipantId.of("r-2"), "spam")).isTrue();
      assertThat(fx.spirit.review().report(s.id(), ParticipantId.of("r-1"), "again")).isFalse();
      assertThat(fx.spirit.submissions().find(s.id()).orElseThrow().status())
          .as("2 distinct reporters, threshold 3")
          .isEqualTo(SubmissionStatus.APPROVED);
      assertThat(fx.spirit.review().report(s.id(), ParticipantId.of("r-3"), "不文明")).isTrue();
      Submission hidden = fx.spirit.submissions().find(s.id()).orElseThrow();
      assertThat(hidden.status()).isEqualTo(SubmissionStatus.HIDDEN);
      assertThat(recorder.reportCounts).containsExactly(1L, 2L, 3L);
      assertThat(audit(c))
          .last()
          .satisfies(
              e -> {
                assertThat(e.actor()).isEqualTo(AuditEntry.ACTOR_REPORTS);
                assertThat(e.from()).isEqualTo(SubmissionStatus.APPROVED);
                assertThat(e.to()).isEqualTo(SubmissionStatus.HIDDEN);
                assertThat(e.reason()).contains("3 distinct reports", "threshold of 3");
              });
      assertThat(fx.spirit.review().report(s.id(), ParticipantId.of("r-4"), "more")).isTrue();
      assertThat(fx.spirit.submissions().find(s.id())).contains(hidden);
    }

    @Test
    @DisplayName("reports on a pending submission never change its status")
    void reportPending() {
      Campaign c = fx.campaign(CampaignState.OPEN, r -> r.reportThreshold(1));
      Submission s = stored(fx.spirit.submit(fx.request(c, "p-1").build()));
      assertThat(fx.spirit.review().report(s.id(), ParticipantId.of("r-1"), "x")).isTrue();
      assertThat(fx.spirit.submissions().find(s.id())).contains(s);
    }
  }

  @Test
  @DisplayName(
      "erasing a participant removes their submissions and reactions everywhere and tells listeners")
  void erase() {
    Campaign c1 = postModerated(5);
    Campaign c2 = fx.campaign(CampaignState.OPEN, r -> r.maxPerParticipant(1));
    Submission a = stored(fx.spirit.submit(fx.request(c1, "gone").build()));
    Submission b = stored(fx.spirit.submit(fx.request(c1, "gone").text("雄壮").build()));
    Submission other = stored(fx.spirit.submit(fx.request(c1, "stays").build()));
    Submission inC2 = stored(fx.spirit.submit(fx.request(c2, "gone").build()));
    fx.spirit.review().endorse(other.id(), ParticipantId.of("gone"));
    fx.spirit.review().endorse(a.id(), ParticipantId.of("stays"));

    assertThat(fx.spirit.eraseParticipant(ParticipantId.of("gone"))).isEqualTo(3);

    for (Submission s : List.of(a, b, inC2)) {
      assertThat(fx.spirit.submissions().find(s.id())).isEmpty();
    }
    assertThat(fx.spirit.submissions().find(other.id())).contains(other);
    assertThat(fx.store.countReactions(other.id(), ReactionType.ENDORSE)).isZero();
    assertThat(fx.store.countReactions(a.id(), ReactionType.ENDORSE)).isZero();
    assertThat(recorder.erased)
        .singleElement()
        .satisfies(l -> assertThat(l).containsExactlyInAnyOrder(a, b, inC2));
    assertThat(fx.spirit.submit(fx.request(c2, "gone").build()).accepted())
        .as("their limit starts again")
        .isTrue();
    assertThatThrownBy(() -> fx.spirit.eraseParticipant(null))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  @DisplayName("a batch gets one receipt per request, in order, each decided on its own")
  void submitAllMixed() {
    Campaign c = fx.campaign(CampaignState.OPEN, r -> r.maxPerParticipant(2));
    Campaign other = fx.openCampaign();
    List<SubmissionRequest> batch =
        List.of(
            fx.request(c, "p-1").text("耿直").build(),
            fx.request(c, "p-2").district("shapingba").build(),
            fx.request(c, "p-3").text("热情").idempotencyKey("card-1").build(),
            fx.request(c, "p-3").text("热情").idempotencyKey("card-1").build(),
            SubmissionRequest.builder(CampaignId.generate(NOW))
                .text("x")
                .district("yuzhong")
                .channel(Channel.ONLINE)
                .participant(Participant.consenting("p-1", Role.RESIDENT))
                .build(),
            fx.request(other, "p-1").text("火锅").build(),
            fx.request(c, "p-1").text("爬坡").build(),
            fx.request(c, "p-1").text("上坎").build());
    List<Receipt> receipts = fx.spirit.submitAll(batch);
    assertThat(receipts).hasSize(8);
    assertThat(receipts.get(0).accepted()).isTrue();
    assertThat(((Receipt.Rejected) receipts.get(1)).has(RejectionCode.DISTRICT_NOT_ALLOWED))
        .isTrue();
    Receipt.Accepted card = receipts.get(2).orThrow();
    assertThat(card.replayed()).isFalse();
    assertThat(receipts.get(3)).isEqualTo(new Receipt.Accepted(card.id(), card.status(), true));
    assertThat(((Receipt.Rejected) receipts.get(4)).has(RejectionCode.CAMPAIGN_NOT_FOUND)).isTrue();
    assertThat(receipts.get(5).orThrow().replayed()).isFalse();
    assertThat(receipts.get(6).accepted()).isTrue();
    assertThat(((Receipt.Rejected) receipts.get(7)).has(RejectionCode.PARTICIPANT_LIMIT_REACHED))
        .isTrue();
    assertThat(fx.spirit.submissions().count(SubmissionFilter.all(c.id()))).isEqualTo(3);
    assertThat(fx.spirit.submissions().count(SubmissionFilter.all(other.id()))).isEqualTo(1);
    assertThat(recorder.accepted).hasSize(4);
  }

  @Test
  @DisplayName("building without a store is refused; a store URI opens a backend")
  void builder() {
    assertThatThrownBy(() -> Spirit.builder().build())
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("store"));
    try (Spirit spirit = Spirit.builder().storeUri("mem:test").build()) {
      assertThat(spirit.store()).isInstanceOf(InMemoryStore.class);
    }
  }

  @Test
  @DisplayName("campaigns can be found by slug and moved through their lifecycle")
  void campaignsBySlug() {
    Campaign c = fx.campaign(CampaignState.DRAFT, UnaryOperator.identity());
    assertThat(fx.spirit.campaigns().bySlug(c.slug())).contains(c);
    assertThat(fx.spirit.campaigns().bySlug("no-such-campaign")).isEmpty();
    Campaign closed = fx.spirit.campaigns().close(fx.spirit.campaigns().open(c.id()).id());
    assertThat(closed.state()).isEqualTo(CampaignState.CLOSED);
    assertThat(closed.version()).isEqualTo(3);
  }
}
