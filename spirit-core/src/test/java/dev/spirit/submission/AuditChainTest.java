package dev.spirit.submission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spirit.campaign.CampaignId;
import dev.spirit.submission.AuditVerification.Problem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The audit hash chain")
class AuditChainTest {
  private static final CampaignId CAMPAIGN = new CampaignId(UUID.randomUUID());
  private static final SubmissionId SUBMISSION =
      SubmissionId.generate(Instant.parse("2026-05-01T08:00:00Z"));
  private static final Instant T0 = Instant.parse("2026-05-01T09:00:00Z");

  private static AuditEntry raw(int i) {
    return new AuditEntry(
        CAMPAIGN,
        SUBMISSION,
        "moderator-" + i,
        T0.plusSeconds(i),
        SubmissionStatus.PENDING,
        SubmissionStatus.APPROVED,
        "理由 " + i,
        i % 2 == 0 ? Optional.of("moderator-" + i) : Optional.empty(),
        Optional.empty());
  }

  /** A chain of {@code n} entries sealed one after the other, as a store appends them. */
  private static List<AuditEntry> chain(int n) {
    List<AuditEntry> log = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      log.add(
          AuditChain.seal(log.isEmpty() ? Optional.empty() : Optional.of(log.get(i - 1)), raw(i)));
    }
    return log;
  }

  private static AuditVerification verify(List<AuditEntry> log) {
    return AuditChain.verify(log.iterator());
  }

  private static AuditEntry with(AuditEntry e, UnaryOperator<AuditEntry> change) {
    return change.apply(e);
  }

  @Test
  @DisplayName("an untouched chain verifies, counts its entries and names the last hash as head")
  void intact() {
    List<AuditEntry> log = chain(6);
    AuditVerification v = verify(log);
    assertThat(v.intact()).isTrue();
    assertThat(v.entries()).isEqualTo(6);
    assertThat(v.unsealedEntries()).isZero();
    assertThat(v.headHash()).contains(log.get(5).seal().orElseThrow().hash());
    assertThat(log)
        .extracting(e -> e.seal().orElseThrow().sequence())
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
  }

  @Test
  @DisplayName("an empty log verifies and has no head")
  void empty() {
    AuditVerification v = verify(List.of());
    assertThat(v.intact()).isTrue();
    assertThat(v.headHash()).isEmpty();
  }

  @Test
  @DisplayName("sealing the same entry twice gives different salts, so a reason cannot be guessed")
  void saltedCommitment() {
    AuditSeal a = AuditChain.seal(Optional.empty(), raw(1)).seal().orElseThrow();
    AuditSeal b = AuditChain.seal(Optional.empty(), raw(1)).seal().orElseThrow();
    assertThat(a.reasonSalt()).hasSize(32).isNotEqualTo(b.reasonSalt());
    assertThat(a.reasonDigest()).hasSize(64).isNotEqualTo(b.reasonDigest());
  }

  static Stream<Arguments> edits() {
    return Stream.of(
        Arguments.of(
            "the actor",
            (UnaryOperator<AuditEntry>)
                e ->
                    new AuditEntry(
                        e.campaignId(),
                        e.submissionId(),
                        "someone-else",
                        e.at(),
                        e.from(),
                        e.to(),
                        e.reason(),
                        e.lease(),
                        e.seal())),
        Arguments.of(
            "the time",
            (UnaryOperator<AuditEntry>)
                e ->
                    new AuditEntry(
                        e.campaignId(),
                        e.submissionId(),
                        e.actor(),
                        e.at().plusSeconds(1),
                        e.from(),
                        e.to(),
                        e.reason(),
                        e.lease(),
                        e.seal())),
        Arguments.of(
            "the target status",
            (UnaryOperator<AuditEntry>)
                e ->
                    new AuditEntry(
                        e.campaignId(),
                        e.submissionId(),
                        e.actor(),
                        e.at(),
                        e.from(),
                        SubmissionStatus.REJECTED,
                        e.reason(),
                        e.lease(),
                        e.seal())),
        Arguments.of(
            "the lease holder",
            (UnaryOperator<AuditEntry>)
                e ->
                    new AuditEntry(
                        e.campaignId(),
                        e.submissionId(),
                        e.actor(),
                        e.at(),
                        e.from(),
                        e.to(),
                        e.reason(),
                        Optional.of("intruder"),
                        e.seal())),
        Arguments.of(
            "the reason",
            (UnaryOperator<AuditEntry>)
                e ->
                    new AuditEntry(
                        e.campaignId(),
                        e.submissionId(),
                        e.actor(),
                        e.at(),
                        e.from(),
                        e.to(),
                        "a different reason",
                        e.lease(),
                        e.seal())),
        Arguments.of(
            "the reason, dropping the salt as if erased, with another reason",
            (UnaryOperator<AuditEntry>)
                e ->
                    new AuditEntry(
                        e.campaignId(),
                        e.submissionId(),
                        e.actor(),
                        e.at(),
                        e.from(),
                        e.to(),
                        "not the erased marker",
                        e.lease(),
                        e.seal().map(AuditSeal::erased))),
        Arguments.of(
            "the reason digest",
            (UnaryOperator<AuditEntry>)
                e -> {
                  AuditSeal s = e.seal().orElseThrow();
                  return e.withSeal(
                      Optional.of(new AuditSeal(s.sequence(), "", "0".repeat(64), s.hash())));
                }),
        Arguments.of(
            "the hash",
            (UnaryOperator<AuditEntry>)
                e -> {
                  AuditSeal s = e.seal().orElseThrow();
                  return e.withSeal(
                      Optional.of(
                          new AuditSeal(
                              s.sequence(), s.reasonSalt(), s.reasonDigest(), "f".repeat(64))));
                }),
        Arguments.of(
            "the seal, removed", (UnaryOperator<AuditEntry>) e -> e.withSeal(Optional.empty())));
  }

  @ParameterizedTest(name = "editing {0} of entry 3 is reported as an edit at sequence 3")
  @MethodSource("edits")
  void editsDetected(String what, UnaryOperator<AuditEntry> edit) {
    List<AuditEntry> log = new ArrayList<>(chain(5));
    log.set(2, with(log.get(2), edit));
    AuditVerification v = verify(log);
    assertThat(v.intact()).isFalse();
    assertThat(v.firstBreak()).get().extracting(AuditVerification.Break::sequence).isEqualTo(3L);
    assertThat(v.firstBreak())
        .get()
        .extracting(AuditVerification.Break::problem)
        .isEqualTo(Problem.EDITED);
  }

  @Test
  @DisplayName("an entry re-sealed after an edit breaks the next entry's link")
  void resealedEditBreaksTheNextLink() {
    List<AuditEntry> log = new ArrayList<>(chain(5));
    AuditEntry edited =
        new AuditEntry(
            CAMPAIGN,
            SUBMISSION,
            "forger",
            T0,
            SubmissionStatus.PENDING,
            SubmissionStatus.REJECTED,
            "forged",
            Optional.empty(),
            Optional.empty());
    log.set(2, AuditChain.seal(Optional.of(log.get(1)), edited));
    AuditVerification v = verify(log);
    assertThat(v.firstBreak()).get().extracting(AuditVerification.Break::sequence).isEqualTo(4L);
    assertThat(v.firstBreak())
        .get()
        .extracting(AuditVerification.Break::problem)
        .isEqualTo(Problem.EDITED);
  }

  @Test
  @DisplayName("a removed entry is reported as removed, naming its sequence")
  void removed() {
    List<AuditEntry> log = new ArrayList<>(chain(5));
    log.remove(2);
    AuditVerification v = verify(log);
    assertThat(v.firstBreak())
        .get()
        .satisfies(
            b -> {
              assertThat(b.sequence()).isEqualTo(3);
              assertThat(b.problem()).isEqualTo(Problem.REMOVED);
              assertThat(b.detail()).contains("sequence 3 is missing");
            });
  }

  @Test
  @DisplayName("several removed entries in a row are reported as one gap")
  void removedRun() {
    List<AuditEntry> log = new ArrayList<>(chain(6));
    log.subList(1, 4).clear();
    AuditVerification v = verify(log);
    assertThat(v.firstBreak())
        .get()
        .satisfies(
            b -> {
              assertThat(b.sequence()).isEqualTo(2);
              assertThat(b.problem()).isEqualTo(Problem.REMOVED);
              assertThat(b.detail()).contains("sequences 2 to 4 are missing");
            });
  }

  @Test
  @DisplayName("two swapped entries are reported as reordered")
  void reordered() {
    List<AuditEntry> log = new ArrayList<>(chain(5));
    Collections.swap(log, 1, 3);
    AuditVerification v = verify(log);
    assertThat(v.firstBreak())
        .get()
        .satisfies(
            b -> {
              assertThat(b.problem()).isEqualTo(Problem.REORDERED);
              assertThat(b.sequence()).isEqualTo(2);
            });
  }

  @Test
  @DisplayName("a duplicated entry is reported as reordered (its sequence comes again)")
  void duplicated() {
    List<AuditEntry> log = new ArrayList<>(chain(4));
    log.add(log.get(1));
    AuditVerification v = verify(log);
    assertThat(v.firstBreak())
        .get()
        .satisfies(
            b -> {
              assertThat(b.problem()).isEqualTo(Problem.REORDERED);
              assertThat(b.sequence()).isEqualTo(2);
            });
  }

  @Test
  @DisplayName(
      "erasing an entry's reason (reason 'erased', salt dropped) keeps the chain verifiable")
  void erasureKeepsTheChain() {
    List<AuditEntry> log = new ArrayList<>(chain(4));
    log.set(1, log.get(1).erased());
    AuditVerification v = verify(log);
    assertThat(v.intact()).isTrue();
    assertThat(v.erasedReasons()).isEqualTo(1);
    assertThat(log.get(1).reason()).isEqualTo(AuditEntry.REASON_ERASED);
    assertThat(log.get(1).seal().orElseThrow().reasonSalt()).isEmpty();
  }

  @Test
  @DisplayName(
      "entries stored before the chain existed precede it: counted as unsealed, the chain after"
          + " them starts at 1")
  void legacyPrefix() {
    List<AuditEntry> log = new ArrayList<>(List.of(raw(0), raw(1)));
    AuditEntry first = AuditChain.seal(Optional.of(log.get(1)), raw(2));
    assertThat(first.seal().orElseThrow().sequence()).isEqualTo(1);
    log.add(first);
    log.add(AuditChain.seal(Optional.of(first), raw(3)));
    AuditVerification v = verify(log);
    assertThat(v.intact()).isTrue();
    assertThat(v.unsealedEntries()).isEqualTo(2);
    assertThat(v.entries()).isEqualTo(4);
  }
}
