package dev.spirit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.CampaignState;
import dev.spirit.campaign.ModerationMode;
import dev.spirit.error.InvalidInputException;
import dev.spirit.error.NotFoundException;
import dev.spirit.error.VersionConflictException;
import dev.spirit.moderation.CampaignLexicon;
import dev.spirit.moderation.LexiconChange;
import dev.spirit.moderation.LexiconFormatException;
import dev.spirit.moderation.LexiconLayer;
import dev.spirit.moderation.LexiconRule;
import dev.spirit.moderation.ModerationPipeline;
import dev.spirit.moderation.Moderator;
import dev.spirit.moderation.TermLexicon;
import dev.spirit.review.RemoderationSummary;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.storage.memory.InMemoryStore;
import dev.spirit.submission.AuditEntry;
import dev.spirit.submission.ModerationDecision;
import dev.spirit.submission.Receipt;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import dev.spirit.submission.SubmissionStatus;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A campaign's own lexicon, kept in the store")
class CampaignLexiconTest {
  private static final LexiconLayer CITY =
      new LexiconLayer(
          "city.tsv", "term\tcategory\taction\n赌博\tgambling\tblock\n火锅\tfood\treview\n", "");
  private static final LexiconLayer DISTRICT =
      new LexiconLayer("yuzhong.tsv", "term\tcategory\taction\n麻将\tgambling\treview\n", "麻将文化\n");

  private final IntakeFixture fx =
      new IntakeFixture(
          ModerationPipeline.standard(new LexiconRule(TermLexicon.builder().build())), List.of());

  @AfterEach
  void close() {
    fx.close();
  }

  private Campaign postModerated() {
    return fx.campaign(CampaignState.OPEN, r -> r.moderationMode(ModerationMode.POST));
  }

  private SubmissionStatus submit(Spirit spirit, Campaign c, String text) {
    Receipt r = spirit.submit(fx.request(c, "p-" + System.nanoTime()).text(text).build());
    assertThat(r).as(text).isInstanceOf(Receipt.Accepted.class);
    return ((Receipt.Accepted) r).status();
  }

  private Submission stored(Spirit spirit, Campaign c, String text) {
    Receipt r = spirit.submit(fx.request(c, "p-" + System.nanoTime()).text(text).build());
    SubmissionId id = ((Receipt.Accepted) r).id();
    return spirit.store().find(id).orElseThrow();
  }

  @Nested
  @DisplayName("attaching")
  class Attaching {
    @Test
    @DisplayName(
        "stores revision 1 with the compiled layered lexicon's version, who attached it and when")
    void firstRevision() {
      Campaign c = postModerated();
      CampaignLexicon stored =
          fx.spirit.campaigns().attachLexicon(c.id(), List.of(CITY, DISTRICT), "admin-li");

      TermLexicon expected = TermLexicon.layered(CITY.compile(), DISTRICT.compile());
      assertThat(stored.revision()).isEqualTo(1);
      assertThat(stored.version()).isEqualTo(expected.version());
      assertThat(stored.attachedAt()).isEqualTo(IntakeFixture.NOW);
      assertThat(stored.attachedBy()).isEqualTo("admin-li");
      assertThat(stored.layers()).containsExactly(CITY, DISTRICT);
      assertThat(fx.spirit.campaigns().lexicon(c.id())).contains(stored);
      assertThat(fx.spirit.campaigns().lexiconHistory(c.id()))
          .containsExactly(
              new LexiconChange(
                  c.id(),
                  1,
                  expected.version(),
                  IntakeFixture.NOW,
                  "admin-li",
                  List.of("city.tsv", "yuzhong.tsv")));
    }

    @Test
    @DisplayName("each change is a new revision in the audit trail, oldest first")
    void revisions() {
      Campaign c = postModerated();
      fx.spirit.campaigns().attachLexicon(c.id(), List.of(CITY), "admin-li");
      fx.clock.advance(Duration.ofMinutes(5));
      CampaignLexicon second =
          fx.spirit.campaigns().attachLexicon(c.id(), List.of(CITY, DISTRICT), "cli");
      assertThat(second.revision()).isEqualTo(2);
      assertThat(fx.spirit.campaigns().lexiconHistory(c.id()))
          .extracting(LexiconChange::revision, LexiconChange::attachedBy, LexiconChange::attachedAt)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(1L, "admin-li", IntakeFixture.NOW),
              org.assertj.core.groups.Tuple.tuple(
                  2L, "cli", IntakeFixture.NOW.plus(Duration.ofMinutes(5))));
    }

    @Test
    @DisplayName(
        "a layer with a bad row is refused whole, naming layer:line, and nothing is stored: the"
            + " version in force stays")
    void badRow() {
      Campaign c = postModerated();
      CampaignLexicon first = fx.spirit.campaigns().attachLexicon(c.id(), List.of(CITY), "admin");
      LexiconLayer bad =
          new LexiconLayer("district.tsv", "term\tcategory\taction\n麻将\tgambling\tmaybe\n", "");

      assertThatThrownBy(
              () -> fx.spirit.campaigns().attachLexicon(c.id(), List.of(CITY, bad), "admin"))
          .isInstanceOf(LexiconFormatException.class)
          .hasMessageContaining("district.tsv:2")
          .hasMessageContaining("action must be block or review");

      assertThat(fx.spirit.campaigns().lexicon(c.id())).contains(first);
      assertThat(fx.spirit.campaigns().lexiconHistory(c.id())).hasSize(1);
      assertThat(submit(fx.spirit, c, "一起赌博")).isEqualTo(SubmissionStatus.REJECTED);
    }

    @Test
    @DisplayName("a bad allow-list row is named as layer (allow-list):line")
    void badAllowRow() {
      Campaign c = postModerated();
      LexiconLayer bad = new LexiconLayer("district.tsv", "", "红油火锅\n  ·  \n");
      assertThatThrownBy(() -> fx.spirit.campaigns().attachLexicon(c.id(), List.of(bad), "admin"))
          .isInstanceOf(LexiconFormatException.class)
          .hasMessageContaining("district.tsv (allow-list):2");
      assertThat(fx.spirit.campaigns().lexicon(c.id())).isEmpty();
    }

    @Test
    @DisplayName("a district layer that lowers a city block term is refused, naming both layers")
    void districtCannotLowerBlock() {
      Campaign c = postModerated();
      LexiconLayer lowers =
          new LexiconLayer("yuzhong.tsv", "term\tcategory\taction\n赌博\tgambling\treview\n", "");
      assertThatThrownBy(
              () -> fx.spirit.campaigns().attachLexicon(c.id(), List.of(CITY, lowers), "admin"))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("yuzhong.tsv")
          .hasMessageContaining("city.tsv")
          .hasMessageContaining("cannot lower it to review");
      assertThat(fx.spirit.campaigns().lexicon(c.id())).isEmpty();
    }

    @Test
    @DisplayName("no layers, an unknown campaign and a blank actor are refused")
    void refusals() {
      Campaign c = postModerated();
      assertThatThrownBy(() -> fx.spirit.campaigns().attachLexicon(c.id(), List.of(), "admin"))
          .isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(
              () ->
                  fx.spirit
                      .campaigns()
                      .attachLexicon(
                          dev.spirit.campaign.CampaignId.generate(IntakeFixture.NOW),
                          List.of(CITY),
                          "admin"))
          .isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> fx.spirit.campaigns().attachLexicon(c.id(), List.of(CITY), " "))
          .isInstanceOf(InvalidInputException.class);
    }

    @Test
    @DisplayName(
        "a revision attached by another instance meanwhile makes the stale attach fail with"
            + " VersionConflictException")
    void conflict() {
      Campaign c = postModerated();
      fx.spirit.campaigns().attachLexicon(c.id(), List.of(CITY), "admin");
      CampaignLexicon current = fx.spirit.campaigns().lexicon(c.id()).orElseThrow();
      fx.store.attachLexicon(
          new CampaignLexicon(
              c.id(), 2, List.of(CITY), current.version(), IntakeFixture.NOW, "other"));
      CampaignLexicon stale =
          new CampaignLexicon(
              c.id(), 2, List.of(DISTRICT), current.version(), IntakeFixture.NOW, "late");
      assertThatThrownBy(() -> fx.store.attachLexicon(stale))
          .isInstanceOf(VersionConflictException.class);
    }
  }

  @Nested
  @DisplayName("moderation at intake")
  class AtIntake {
    @Test
    @DisplayName(
        "uses the campaign's layered lexicon in place of the pipeline's, and records its version")
    void usesStoredLexicon() {
      Campaign c = postModerated();
      assertThat(submit(fx.spirit, c, "一起赌博")).isEqualTo(SubmissionStatus.APPROVED);

      CampaignLexicon stored =
          fx.spirit.campaigns().attachLexicon(c.id(), List.of(CITY, DISTRICT), "admin");

      Submission blocked = stored(fx.spirit, c, "一起赌博");
      assertThat(blocked.status()).isEqualTo(SubmissionStatus.REJECTED);
      assertThat(blocked.moderation().orElseThrow().ruleVersions())
          .containsEntry(LexiconRule.ID, "1/" + stored.version())
          .containsKey("personal-data");
      assertThat(submit(fx.spirit, c, "打麻将")).isEqualTo(SubmissionStatus.PENDING);
      assertThat(submit(fx.spirit, c, "麻将文化")).isEqualTo(SubmissionStatus.APPROVED);
    }

    @Test
    @DisplayName("another campaign without a lexicon keeps the instance's own moderator")
    void otherCampaignsUnaffected() {
      Campaign with = postModerated();
      Campaign without = postModerated();
      fx.spirit.campaigns().attachLexicon(with.id(), List.of(CITY), "admin");
      assertThat(submit(fx.spirit, with, "一起赌博")).isEqualTo(SubmissionStatus.REJECTED);
      assertThat(submit(fx.spirit, without, "一起赌博")).isEqualTo(SubmissionStatus.APPROVED);
    }

    @Test
    @DisplayName(
        "with a moderator that is not a pipeline, the stored lexicon runs first and both records"
            + " are merged")
    void otherModerator() {
      Moderator shouting =
          (s, campaign) ->
              new dev.spirit.submission.ModerationRecord(
                  s.text().original().contains("!")
                      ? ModerationDecision.REVIEW
                      : ModerationDecision.APPROVE,
                  List.of(),
                  java.util.Map.of("shouting", "1"),
                  java.util.Optional.empty(),
                  s.receivedAt());
      InMemoryStore store = new InMemoryStore();
      try (Spirit spirit =
          Spirit.builder().store(store).clock(fx.clock).moderator(shouting).build()) {
        Campaign c =
            spirit
                .campaigns()
                .create(
                    fx.campaignBuilder()
                        .rules(
                            dev.spirit.campaign.SubmissionRules.builder()
                                .moderationMode(ModerationMode.POST)
                                .build())
                        .build());
        spirit.campaigns().open(c.id());
        spirit.campaigns().attachLexicon(c.id(), List.of(CITY), "admin");
        Submission held = stored(spirit, c, "火锅!");
        assertThat(held.status()).isEqualTo(SubmissionStatus.PENDING);
        assertThat(held.moderation().orElseThrow().ruleVersions())
            .containsKeys(LexiconRule.ID, "shouting");
        assertThat(held.moderation().orElseThrow().reasons())
            .extracting(r -> r.code())
            .containsExactly("review-term");
        assertThat(stored(spirit, c, "一起赌博").status()).isEqualTo(SubmissionStatus.REJECTED);
      }
    }

    @Test
    @DisplayName("a Spirit without any moderator still applies a campaign's stored lexicon")
    void noModerator() {
      try (Spirit spirit = Spirit.builder().store(new InMemoryStore()).clock(fx.clock).build()) {
        Campaign c =
            spirit
                .campaigns()
                .create(
                    fx.campaignBuilder()
                        .rules(
                            dev.spirit.campaign.SubmissionRules.builder()
                                .moderationMode(ModerationMode.POST)
                                .build())
                        .build());
        spirit.campaigns().open(c.id());
        assertThat(stored(spirit, c, "一起赌博").status()).isEqualTo(SubmissionStatus.APPROVED);
        spirit.campaigns().attachLexicon(c.id(), List.of(CITY), "admin");
        assertThat(stored(spirit, c, "一起赌博").status()).isEqualTo(SubmissionStatus.REJECTED);
      }
    }
  }

  @Nested
  @DisplayName("several instances on one store")
  class HotReload {
    private Spirit second(UnaryOperator<Spirit.Builder> options) {
      // A second instance on the same store, as another server behind the load balancer.
      return options
          .apply(
              Spirit.builder()
                  .store(fx.store)
                  .clock(fx.clock)
                  .moderator(ModerationPipeline.standard(new LexiconRule(TermLexicon.empty()))))
          .build();
    }

    @Test
    @DisplayName(
        "a lexicon attached by one instance is in force in another once its refresh interval has"
            + " passed on its clock, not before")
    void reachesOtherInstance() {
      Campaign c = postModerated();
      Spirit other = second(b -> b.lexiconRefresh(Duration.ofSeconds(2)));
      assertThat(submit(other, c, "一起赌博")).isEqualTo(SubmissionStatus.APPROVED);

      fx.spirit.campaigns().attachLexicon(c.id(), List.of(CITY), "admin");
      assertThat(submit(fx.spirit, c, "一起赌博"))
          .as("the attaching instance: at once")
          .isEqualTo(SubmissionStatus.REJECTED);
      fx.clock.advance(Duration.ofMillis(1999));
      assertThat(submit(other, c, "一起赌博"))
          .as("the other instance, before its interval has passed")
          .isEqualTo(SubmissionStatus.APPROVED);
      fx.clock.advance(Duration.ofMillis(1));
      assertThat(submit(other, c, "一起赌博"))
          .as("the other instance, 2 s after it last looked")
          .isEqualTo(SubmissionStatus.REJECTED);
    }

    @Test
    @DisplayName(
        "a stored revision this instance cannot compile is logged and the version in force stays;"
            + " a good later revision is taken")
    void badStoredRevisionKeepsPrevious() {
      Campaign c = postModerated();
      Spirit other = second(b -> b.lexiconRefresh(Duration.ofSeconds(2)));
      CampaignLexicon first = fx.spirit.campaigns().attachLexicon(c.id(), List.of(CITY), "admin");
      assertThat(submit(other, c, "一起赌博")).isEqualTo(SubmissionStatus.REJECTED);

      // Written straight to the store, past attachLexicon's check (as an older or newer code
      // version, or a hand edit of the database, might).
      LexiconLayer broken = new LexiconLayer("broken.tsv", "火锅\tfood\tperhaps\n", "");
      fx.store.attachLexicon(
          new CampaignLexicon(c.id(), 2, List.of(broken), "bad", fx.clock.instant(), "dba"));
      fx.clock.advance(Duration.ofSeconds(3));
      assertThat(submit(other, c, "一起赌博"))
          .as("revision 1 stays in force")
          .isEqualTo(SubmissionStatus.REJECTED);
      Submission judged = stored(other, c, "一起赌博");
      assertThat(judged.moderation().orElseThrow().ruleVersions())
          .containsEntry(LexiconRule.ID, "1/" + first.version());

      fx.spirit.campaigns().attachLexicon(c.id(), List.of(DISTRICT), "admin");
      fx.clock.advance(Duration.ofSeconds(3));
      assertThat(submit(other, c, "一起赌博"))
          .as("revision 3 (no 赌博 in it) is in force")
          .isEqualTo(SubmissionStatus.APPROVED);
    }

    @Test
    @DisplayName(
        "an instance whose first look-up finds a revision it cannot compile holds the campaign's"
            + " submissions for review until a good revision is stored")
    void badFirstRevisionHoldsForReview() {
      Campaign c = postModerated();
      LexiconLayer broken = new LexiconLayer("broken.tsv", "火锅\tfood\tperhaps\n", "");
      fx.store.attachLexicon(
          new CampaignLexicon(c.id(), 1, List.of(broken), "bad", fx.clock.instant(), "dba"));
      Spirit other = second(b -> b.lexiconRefresh(Duration.ofSeconds(2)));

      Submission held = stored(other, c, "耿直");
      assertThat(held.status()).isEqualTo(SubmissionStatus.PENDING);
      assertThat(held.moderation().orElseThrow().reasons())
          .extracting(r -> r.code())
          .contains("lexicon-failed");

      fx.spirit.campaigns().attachLexicon(c.id(), List.of(CITY), "admin");
      fx.clock.advance(Duration.ofSeconds(2));
      assertThat(submit(other, c, "耿直")).isEqualTo(SubmissionStatus.APPROVED);
      assertThat(submit(other, c, "一起赌博")).isEqualTo(SubmissionStatus.REJECTED);
    }

    @Test
    @DisplayName("the refresh interval may not be negative")
    void negativeInterval() {
      assertThatThrownBy(() -> Spirit.builder().lexiconRefresh(Duration.ofSeconds(-1)))
          .isInstanceOf(InvalidInputException.class);
    }
  }

  @Nested
  @DisplayName("re-moderation")
  class Remoderation {
    @Test
    @DisplayName(
        "re-runs the content rules over public submissions with the current lexicon: newly"
            + " matching ones are taken down for review with an audit entry naming the version")
    void remoderate() {
      Campaign c = postModerated();
      Submission gambling = stored(fx.spirit, c, "一起赌博");
      Submission hotpot = stored(fx.spirit, c, "火锅好吃");
      Submission clean = stored(fx.spirit, c, "耿直");
      Submission pending = stored(fx.spirit, c, "耿直");
      fx.spirit.review().changeStatus(pending.id(), 1, SubmissionStatus.HIDDEN, "mod", "check");
      assertThat(List.of(gambling, hotpot, clean))
          .allSatisfy(s -> assertThat(s.status()).isEqualTo(SubmissionStatus.APPROVED));

      CampaignLexicon lexicon = fx.spirit.campaigns().attachLexicon(c.id(), List.of(CITY), "li");
      fx.clock.advance(Duration.ofMinutes(1));
      RemoderationSummary summary = fx.spirit.review().remoderate(c.id(), "li");

      assertThat(summary.scanned()).isEqualTo(3);
      assertThat(summary.sentToReview()).containsExactlyInAnyOrder(gambling.id(), hotpot.id());
      assertThat(summary.unchanged()).isEqualTo(1);
      assertThat(summary.skipped()).isZero();
      assertThat(summary.lexiconRevision()).contains(1L);
      assertThat(summary.lexiconVersion()).contains(lexicon.version());

      Submission taken = fx.store.find(gambling.id()).orElseThrow();
      assertThat(taken.status()).isEqualTo(SubmissionStatus.HIDDEN);
      assertThat(taken.moderation().orElseThrow().reasons())
          .extracting(r -> r.code())
          .containsExactly("blocked-term");
      assertThat(taken.moderation().orElseThrow().decidedAt()).isEqualTo(fx.clock.instant());
      assertThat(fx.store.find(clean.id()).orElseThrow().status())
          .isEqualTo(SubmissionStatus.APPROVED);
      try (Stream<AuditEntry> audit = fx.store.streamAudit(c.id())) {
        assertThat(audit.filter(e -> e.submissionId().equals(gambling.id())).toList())
            .last()
            .satisfies(
                e -> {
                  assertThat(e.actor()).isEqualTo("li");
                  assertThat(e.from()).isEqualTo(SubmissionStatus.APPROVED);
                  assertThat(e.to()).isEqualTo(SubmissionStatus.HIDDEN);
                  assertThat(e.reason()).contains("revision 1", lexicon.version(), "blocked-term");
                });
      }
      assertThat(fx.spirit.submissions().count(SubmissionFilter.all(c.id()))).isEqualTo(4);
    }

    @Test
    @DisplayName(
        "ignores the stream rules: many identical public submissions stay public when re-run")
    void noStreamRules() {
      Campaign c = postModerated();
      for (int i = 0; i < 12; i++) {
        assertThat(submit(fx.spirit, c, "耿直热情")).isEqualTo(SubmissionStatus.APPROVED);
      }
      fx.spirit.campaigns().attachLexicon(c.id(), List.of(CITY), "li");
      RemoderationSummary summary = fx.spirit.review().remoderate(c.id(), "li");
      assertThat(summary.scanned()).isEqualTo(12);
      assertThat(summary.sentToReview()).isEmpty();
      assertThat(summary.unchanged()).isEqualTo(12);
    }

    @Test
    @DisplayName("a campaign without a stored lexicon is re-run with the instance's own rules")
    void withoutStoredLexicon() {
      Campaign c = postModerated();
      stored(fx.spirit, c, "耿直");
      RemoderationSummary summary = fx.spirit.review().remoderate(c.id(), "li");
      assertThat(summary.lexiconRevision()).isEmpty();
      assertThat(summary.lexiconVersion()).isEmpty();
      assertThat(summary.scanned()).isEqualTo(1);
      assertThatThrownBy(
              () ->
                  fx.spirit
                      .review()
                      .remoderate(
                          dev.spirit.campaign.CampaignId.generate(fx.clock.instant()), "li"))
          .isInstanceOf(NotFoundException.class);
    }
  }
}
