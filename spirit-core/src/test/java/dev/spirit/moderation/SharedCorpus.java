package dev.spirit.moderation;

import dev.spirit.moderation.internal.CorpusFiles;
import java.util.List;

/** The moderation corpus in {@code shared/moderation/}, read in place. */
final class SharedCorpus {
  private SharedCorpus() {}

  /** One row of evasion.tsv. */
  record Evasion(String tier, String family, String expectedTerm, String text) {}

  /** One row of clean.tsv. */
  record Clean(String tier, String text) {}

  static TermLexicon lexicon() {
    return TermLexicon.parse(CorpusFiles.read("lexicon.tsv"), CorpusFiles.read("allow.txt"));
  }

  static List<Evasion> evasion() {
    return CorpusFiles.rows("evasion.tsv").stream()
        .map(r -> new Evasion(r[0], r[1], r[2], r[3]))
        .toList();
  }

  static List<Evasion> zhEvasion() {
    return CorpusFiles.rows("zh-evasion.tsv").stream()
        .map(r -> new Evasion(r[0], r[1], r[2], r[3]))
        .toList();
  }

  /** Rows of zh-clean.tsv, the family in the tier's place. */
  static List<Clean> zhClean() {
    return CorpusFiles.rows("zh-clean.tsv").stream().map(r -> new Clean(r[1], r[2])).toList();
  }

  static List<Clean> clean() {
    return CorpusFiles.rows("clean.tsv").stream().map(r -> new Clean(r[0], r[1])).toList();
  }
}
