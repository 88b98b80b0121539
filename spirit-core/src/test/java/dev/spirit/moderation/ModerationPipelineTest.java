package dev.spirit.moderation;

import static dev.spirit.moderation.Fixtures.T0;
import static dev.spirit.moderation.Fixtures.candidate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spirit.campaign.Campaign;
import dev.spirit.error.InvalidInputException;
import dev.spirit.submission.ModerationDecision;
import dev.spirit.submission.ModerationReason;
import dev.spirit.submission.ModerationRecord;
import dev.spirit.submission.TextSpan;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A moderation pipeline")
class ModerationPipelineTest {
  private final Campaign campaign = Fixtures.campaign();

  @Test
  @DisplayName("takes a user's rule written in a few lines")
  void customRule() {
    ModerationRule noShouting =
        ModerationRule.of(
            "no-shouting",
            "1",
            (s, c) ->
                s.text().original().equals(s.text().original().toUpperCase(Locale.ROOT))
                    ? RuleVerdict.review("shouting", "all capitals")
                    : RuleVerdict.approve());
    ModerationPipeline pipeline = ModerationPipeline.of(noShouting);
    ModerationRecord shouted =
        pipeline.moderate(candidate(campaign, "HOTPOT CITY", "p", T0), campaign);
    assertThat(shouted.decision()).isEqualTo(ModerationDecision.REVIEW);
    assertThat(shouted.reasons())
        .containsExactly(
            new ModerationReason(
                "no-shouting", "shouting", ModerationDecision.REVIEW, "all capitals", List.of()));
    assertThat(shouted.ruleVersions()).containsEntry("no-shouting", "1");
    assertThat(pipeline.moderate(candidate(campaign, "hotpot", "p", T0), campaign).decision())
        .isEqualTo(ModerationDecision.APPROVE);
  }

  @Test
  @DisplayName("decides by the strictest rule, keeps every reason and merges redactions")
  void combines() {
    LexiconRule lexicon = new LexiconRule(TermLexicon.builder().block("赌场", "gambling").build());
    ModerationPipeline pipeline = ModerationPipeline.of(lexicon, new PersonalDataRule());
    String text = "赌场 13812345678";
    ModerationRecord record = pipeline.moderate(candidate(campaign, text, "p", T0), campaign);
    assertThat(record.decision()).isEqualTo(ModerationDecision.REJECT);
    assertThat(record.reasons())
        .extracting(ModerationReason::ruleId, ModerationReason::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("lexicon", "blocked-term"),
            org.assertj.core.groups.Tuple.tuple("personal-data", "personal-data-mobile"));
    assertThat(record.reasons().get(0).spans()).containsExactly(new TextSpan(0, 2));
    assertThat(record.redactedText()).contains("赌场 ***********");
    assertThat(record.ruleVersions()).containsOnlyKeys("lexicon", "personal-data");
    assertThat(record.ruleVersions().get("lexicon")).startsWith("1/1t-0a-");
    assertThat(record.decidedAt()).isEqualTo(T0);
  }

  @Test
  @DisplayName("sends a submission to review when a rule fails, rather than publish or refuse it")
  void failingRule() {
    ModerationRule broken =
        ModerationRule.of(
            "broken",
            "0",
            (s, c) -> {
              throw new IllegalStateException("boom");
            });
    ModerationRecord record =
        ModerationPipeline.of(broken).moderate(candidate(campaign, "耿直", "p", T0), campaign);
    assertThat(record.decision()).isEqualTo(ModerationDecision.REVIEW);
    assertThat(record.reasons()).extracting(ModerationReason::code).containsExactly("rule-failed");
  }

  @Test
  @DisplayName("refuses two rules with the same id")
  void uniqueIds() {
    assertThatThrownBy(() -> ModerationPipeline.of(new QualityRule(), new QualityRule()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("quality");
  }

  @Test
  @DisplayName("has a standard set of rules")
  void standard() {
    ModerationPipeline p = ModerationPipeline.standard(new LexiconRule(SharedCorpus.lexicon()));
    assertThat(p.rules())
        .extracting(ModerationRule::id)
        .containsExactly("lexicon", "personal-data", "duplicate", "rate", "quality");
    ModerationRecord ok = p.moderate(candidate(campaign, "山城精神 耿直热情", "p", T0), campaign);
    assertThat(ok.decision()).isEqualTo(ModerationDecision.APPROVE);
    assertThat(ok.reasons()).isEmpty();
  }
}
