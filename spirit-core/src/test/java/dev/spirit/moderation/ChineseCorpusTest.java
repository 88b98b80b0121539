package dev.spirit.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spirit.submission.ModerationDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The lexicon rule on the shared Chinese corpora (zh-evasion.tsv, zh-clean.tsv)")
class ChineseCorpusTest {
  private static LexiconRule rule;

  @BeforeAll
  static void load() {
    rule = new LexiconRule(SharedCorpus.lexicon());
  }

  @Test
  @DisplayName("catches at least 95% of every evasion family")
  void catchRate() {
    Map<String, int[]> byFamily = new TreeMap<>();
    List<String> missed = new ArrayList<>();
    for (SharedCorpus.Evasion row : SharedCorpus.zhEvasion()) {
      boolean hit =
          rule.lexicon().find(row.text()).stream()
              .anyMatch(m -> m.term().text().equals(row.expectedTerm()));
      CorpusStats.count(byFamily, row.family(), hit);
      if (!hit) {
        missed.add(row.family() + " " + row.expectedTerm() + ": " + row.text());
      }
    }
    CorpusStats.print("zh catch rate", byFamily);
    missed.forEach(m -> System.out.println("  missed " + m));
    byFamily.forEach(
        (family, c) -> assertThat(CorpusStats.rate(c)).as(family).isGreaterThanOrEqualTo(0.95));
  }

  @Test
  @DisplayName("rejects no clean text and sends at most 2% of the non-warning ones to review")
  void cleanTexts() {
    Map<String, int[]> rejected = new TreeMap<>();
    Map<String, int[]> reviewed = new TreeMap<>();
    List<String> flagged = new ArrayList<>();
    for (SharedCorpus.Clean row : SharedCorpus.zhClean()) {
      RuleVerdict verdict = rule.check(row.text());
      ModerationDecision d = verdict.decision();
      CorpusStats.count(rejected, row.tier(), d == ModerationDecision.REJECT);
      CorpusStats.count(reviewed, row.tier(), d == ModerationDecision.REVIEW);
      if (d != ModerationDecision.APPROVE) {
        flagged.add(row.tier() + " " + d + ": " + row.text() + " -> " + verdict.findings());
      }
    }
    // The Latin clean corpus counts towards the review share too: the same lexicon moderates both.
    for (SharedCorpus.Clean row : SharedCorpus.clean()) {
      ModerationDecision d = rule.check(row.text()).decision();
      CorpusStats.count(rejected, "latin-" + row.tier(), d == ModerationDecision.REJECT);
      CorpusStats.count(reviewed, "latin-" + row.tier(), d == ModerationDecision.REVIEW);
      if (d != ModerationDecision.APPROVE) {
        flagged.add("latin-" + row.tier() + " " + d + ": " + row.text());
      }
    }
    CorpusStats.print("zh rejected", rejected);
    CorpusStats.print("zh sent to review", reviewed);
    flagged.forEach(f -> System.out.println("  flagged " + f));
    rejected.forEach((tier, c) -> assertThat(c[0]).as("rejected, " + tier).isZero());
    int[] nonWarning = new int[2];
    reviewed.forEach(
        (tier, c) -> {
          if (!tier.equals("warning")) {
            nonWarning[0] += c[0];
            nonWarning[1] += c[1];
          }
        });
    // 办证大厅 (the certificate office) goes to review: 办证 is the fraud term as a whole word, and
    // only the public-service word after it tells the notice from the offer.
    assertThat(nonWarning[0]).as("sent to review").isLessThanOrEqualTo(nonWarning[1] / 50);
  }
}
