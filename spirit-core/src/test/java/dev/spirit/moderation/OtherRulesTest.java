package dev.spirit.moderation;

import static dev.spirit.moderation.Fixtures.T0;
import static dev.spirit.moderation.Fixtures.candidate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.Language;
import dev.spirit.campaign.ModerationSettings;
import dev.spirit.submission.ModerationDecision;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Flood, rate and quality rules")
class OtherRulesTest {
  private final Campaign campaign = Fixtures.campaign();

  private static String codes(RuleVerdict v) {
    return String.join(",", v.findings().stream().map(RuleVerdict.Finding::code).toList());
  }

  @Nested
  @DisplayName("The duplicate rule")
  class Duplicates {
    private final DuplicateRule rule = new DuplicateRule();

    @Test
    @DisplayName("rejects the same text from the same participant within the window")
    void exact() {
      assertThat(rule.check(candidate(campaign, "山城精神 耿直", "p1", T0), campaign).decision())
          .isEqualTo(ModerationDecision.APPROVE);
      RuleVerdict again =
          rule.check(candidate(campaign, "山城精神  耿直!", "p1", T0.plusSeconds(60)), campaign);
      assertThat(again.decision()).isEqualTo(ModerationDecision.REJECT);
      assertThat(codes(again)).isEqualTo("duplicate");
    }

    @Test
    @DisplayName("sends a nearly identical text from the same participant to review")
    void near() {
      rule.check(candidate(campaign, "重庆人耿直热情好客欢迎你", "p1", T0), campaign);
      RuleVerdict v =
          rule.check(candidate(campaign, "重庆人耿直热情好客欢迎您", "p1", T0.plusSeconds(5)), campaign);
      assertThat(codes(v)).isEqualTo("near-duplicate");
      RuleVerdict other =
          rule.check(candidate(campaign, "雾都的夜景很美", "p1", T0.plusSeconds(9)), campaign);
      assertThat(other.decision()).isEqualTo(ModerationDecision.APPROVE);
    }

    @Test
    @DisplayName("does not count the same slogan from different people as spam")
    void support() {
      for (int i = 0; i < 4; i++) {
        RuleVerdict v =
            rule.check(candidate(campaign, "雄起！重庆", "p" + i, T0.plusSeconds(i)), campaign);
        assertThat(v.decision()).isEqualTo(ModerationDecision.APPROVE);
      }
    }

    @Test
    @DisplayName("forgets texts older than the window")
    void window() {
      rule.check(candidate(campaign, "山城", "p1", T0), campaign);
      RuleVerdict later =
          rule.check(candidate(campaign, "山城", "p1", T0.plus(Duration.ofHours(1))), campaign);
      assertThat(later.decision()).isEqualTo(ModerationDecision.APPROVE);
    }

    @Test
    @DisplayName("sends a wave of similar texts from one collection point to review")
    void flood() {
      RuleVerdict v = null;
      for (int i = 0; i < 5; i++) {
        v =
            rule.check(
                candidate(campaign, "最好的赌场网站" + i, "anon-" + i, T0.plusSeconds(i), "kiosk-7"),
                campaign);
        if (i < 4) {
          assertThat(v.decision()).isEqualTo(ModerationDecision.APPROVE);
        }
      }
      assertThat(v.decision()).isEqualTo(ModerationDecision.REVIEW);
      assertThat(codes(v)).isEqualTo("flood");
    }
  }

  @Nested
  @DisplayName("The rate rule")
  class Rate {
    @Test
    @DisplayName("rejects a participant beyond the per-window limit and reviews a busy point")
    void limits() {
      Campaign limited =
          Fixtures.campaign(ModerationSettings.defaults().withWindow(Duration.ofMinutes(1), 2, 3));
      RateRule rule = new RateRule();
      assertThat(rule.check(candidate(limited, "a", "p1", T0, "k"), limited).decision())
          .isEqualTo(ModerationDecision.APPROVE);
      assertThat(
              rule.check(candidate(limited, "b", "p1", T0.plusSeconds(1), "k"), limited).decision())
          .isEqualTo(ModerationDecision.APPROVE);
      RuleVerdict third =
          rule.check(candidate(limited, "c", "p1", T0.plusSeconds(2), "k"), limited);
      assertThat(codes(third)).isEqualTo("rate-participant");
      RuleVerdict fourth =
          rule.check(candidate(limited, "d", "p2", T0.plusSeconds(3), "k"), limited);
      assertThat(codes(fourth)).isEqualTo("rate-collection-point");
      assertThat(fourth.decision()).isEqualTo(ModerationDecision.REVIEW);
      RuleVerdict later =
          rule.check(candidate(limited, "e", "p1", T0.plusSeconds(120), "k"), limited);
      assertThat(later.decision()).isEqualTo(ModerationDecision.APPROVE);
    }
  }

  @Nested
  @DisplayName("The quality rule")
  class Quality {
    private final QualityRule rule = new QualityRule();

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @DisplayName("judges texts that are not words")
    @CsvSource(
        delimiter = '|',
        value = {
          "耿直|APPROVE|",
          "a classic city with passion|APPROVE|",
          "strengths of the mountain city|APPROVE|",
          "!!!???...|REJECT|symbols-only",
          "520 1314|REVIEW|no-letters",
          "哈哈哈哈哈哈哈哈|REVIEW|repetitive",
          "qwrtzpsdfg|REVIEW|gibberish",
          "★★★☆☆ 好|REVIEW|mostly-symbols",
          "привет город|REVIEW|language",
        })
    void quality(String text, ModerationDecision decision, String code) {
      RuleVerdict v = rule.check(text, Set.of(Language.ZH, Language.EN));
      assertThat(v.decision()).isEqualTo(decision);
      assertThat(codes(v)).isEqualTo(code == null ? "" : code);
    }
  }
}
