package dev.spirit.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spirit.campaign.ModerationMode;
import dev.spirit.error.NotPermittedException;
import dev.spirit.event.SpiritListener;
import dev.spirit.participant.ParticipantId;
import dev.spirit.submission.AuditEntry;
import dev.spirit.submission.Reaction;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import dev.spirit.submission.SubmissionStatus;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Public reports and appeals")
class ReportsAndAppealsTest {
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final SpiritListener recorder =
      new SpiritListener() {
        @Override
        public void onReported(Submission s, Reaction report, long distinct) {
          events.add("reported " + distinct);
        }

        @Override
        public void onAutoHidden(Submission hidden, long distinct) {
          events.add(
              "hidden "
                  + hidden.status()
                  + " "
                  + distinct
                  + " "
                  + hidden.participant().id().value());
        }

        @Override
        public void onAppealed(Submission appealed, String reason) {
          events.add("appealed " + appealed.status() + " " + reason);
        }
      };

  @Test
  @DisplayName("hide an approved item at the threshold of distinct reporters and tell moderators")
  void reports() {
    try (ReviewFixture f = new ReviewFixture(ModerationMode.POST, recorder)) {
      SubmissionId id = f.submit("山城精神", "author");
      assertThat(f.get(id).status()).isEqualTo(SubmissionStatus.APPROVED);
      assertThat(f.spirit.review().report(id, ParticipantId.of("r1"), "offensive")).isTrue();
      assertThat(f.spirit.review().report(id, ParticipantId.of("r1"), "offensive!!")).isFalse();
      assertThat(f.get(id).status()).isEqualTo(SubmissionStatus.APPROVED);
      assertThat(f.spirit.review().report(id, ParticipantId.of("r2"), "illegal")).isTrue();
      assertThat(f.get(id).status()).isEqualTo(SubmissionStatus.HIDDEN);
      assertThat(events).containsExactly("reported 1", "reported 2", "hidden HIDDEN 2 author");
      try (Stream<AuditEntry> audit = f.spirit.store().streamAudit(f.campaign.id())) {
        assertThat(audit.toList())
            .last()
            .satisfies(
                e -> {
                  assertThat(e.actor()).isEqualTo("system:reports");
                  assertThat(e.reason()).contains("2 distinct reports");
                });
      }
      // Hidden items are in the review queue's HIDDEN view for a moderator to decide.
      ReviewQueue queue = new ReviewQueue(f.spirit);
      ReviewFilter hidden =
          ReviewFilter.builder(f.campaign.id()).status(SubmissionStatus.HIDDEN).build();
      assertThat(queue.count(hidden)).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("let the author of an item hidden by reports appeal once: it goes back to review")
  void appealOfHidden() {
    try (ReviewFixture f = new ReviewFixture(ModerationMode.POST, recorder)) {
      SubmissionId id = f.submit("山城精神", "author");
      f.spirit.review().report(id, ParticipantId.of("r1"), "offensive");
      f.spirit.review().report(id, ParticipantId.of("r2"), "offensive");
      assertThat(f.get(id).status()).isEqualTo(SubmissionStatus.HIDDEN);
      assertThatThrownBy(() -> f.spirit.review().appeal(id, ParticipantId.of("r1"), "mine"))
          .isInstanceOf(NotPermittedException.class)
          .hasMessageContaining("only the author");

      Submission pending = f.spirit.review().appeal(id, ParticipantId.of("author"), "a local word");
      assertThat(pending.status()).isEqualTo(SubmissionStatus.PENDING);
      assertThat(pending.appealed()).isTrue();
      assertThat(events).contains("appealed PENDING a local word");
      try (Stream<AuditEntry> audit = f.spirit.store().streamAudit(f.campaign.id())) {
        assertThat(audit.toList())
            .extracting(e -> e.from() + ">" + e.to() + " " + e.actor())
            .containsSubsequence(
                "APPROVED>HIDDEN system:reports", "HIDDEN>PENDING " + AuditEntry.ACTOR_PARTICIPANT);
      }
      ReviewQueue queue = new ReviewQueue(f.spirit);
      Submission claimed = queue.claim(id, "mod-a").orElseThrow();
      queue.decide(id, claimed.version(), "mod-a", ReviewDecision.HIDE, "still offensive");
      assertThatThrownBy(() -> f.spirit.review().appeal(id, ParticipantId.of("author"), "again"))
          .isInstanceOf(NotPermittedException.class)
          .hasMessageContaining("already appealed");
    }
  }

  @Test
  @DisplayName("let a rejected participant appeal once, and only the author")
  void appeals() {
    try (ReviewFixture f = new ReviewFixture(ModerationMode.PRE, recorder)) {
      SubmissionId id = f.submit("赌场", "author");
      assertThat(f.get(id).status()).isEqualTo(SubmissionStatus.REJECTED);
      assertThatThrownBy(() -> f.spirit.review().appeal(id, ParticipantId.of("someone"), "please"))
          .isInstanceOf(NotPermittedException.class)
          .hasMessageContaining("only the author");
      Submission pending =
          f.spirit.review().appeal(id, ParticipantId.of("author"), "it is a place name");
      assertThat(pending.status()).isEqualTo(SubmissionStatus.PENDING);
      assertThat(pending.appealed()).isTrue();
      assertThat(events).containsExactly("appealed PENDING it is a place name");

      ReviewQueue queue = new ReviewQueue(f.spirit);
      Submission claimed = queue.claim(id, "mod-a").orElseThrow();
      queue.decide(id, claimed.version(), "mod-a", ReviewDecision.REJECT, "still gambling");
      assertThatThrownBy(() -> f.spirit.review().appeal(id, ParticipantId.of("author"), "again"))
          .isInstanceOf(NotPermittedException.class)
          .hasMessageContaining("already appealed");

      SubmissionId fine = f.submit("山城精神", "author");
      assertThatThrownBy(() -> f.spirit.review().appeal(fine, ParticipantId.of("author"), "why"))
          .isInstanceOf(NotPermittedException.class)
          .hasMessageContaining("only rejected or hidden");
    }
  }
}
