package dev.spirit.moderation;

import dev.spirit.campaign.Campaign;
import dev.spirit.submission.ModerationDecision;
import dev.spirit.submission.Submission;
import dev.spirit.submission.TextSpan;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rejects submissions containing a blocked term and sends those containing a review-only term to
 * review (see {@link TermLexicon} for how terms are found). Reason codes: {@code blocked-term},
 * {@code review-term}, and {@code warned-term} for a blocked term every occurrence of which stands
 * in a text warning against it ({@code 远离毒品}, {@code 打击刷单}) or naming a public service with it
 * ({@code 办证大厅}): such a text goes to review, never rejected. One reason per distinct term, with
 * every span where it occurs.
 *
 * <p>Hot reload: the compiled lexicon is held in an atomic reference and {@link #reload} swaps in a
 * new one, compiled beforehand on the caller's thread. A check in progress finishes with the
 * lexicon it started with; checks that start after the swap use the new one. Nothing is locked on
 * the matching path.
 */
public final class LexiconRule implements ModerationRule {
  /** The rule id. */
  public static final String ID = "lexicon";

  private volatile TermLexicon lexicon;
  // The version string of the lexicon above, built once per lexicon rather than once per check
  // (a check in progress may see the new one, as it could when it was built on each call).
  private volatile String version;

  /**
   * A rule over a lexicon.
   *
   * @param lexicon the initial lexicon
   */
  public LexiconRule(TermLexicon lexicon) {
    this.lexicon = lexicon;
    this.version = versionOf(lexicon);
  }

  private static String versionOf(TermLexicon lexicon) {
    return "1/" + lexicon.version();
  }

  /**
   * Swaps in a new lexicon.
   *
   * @param next the compiled lexicon
   * @return the lexicon it replaced
   */
  public synchronized TermLexicon reload(TermLexicon next) {
    TermLexicon previous = lexicon;
    version = versionOf(next);
    lexicon = next;
    return previous;
  }

  /**
   * Reads and compiles a lexicon, then swaps it in. If reading fails, the current one stays.
   *
   * @param terms the terms, tab-separated (see {@link TermLexicon#read})
   * @param allowList the allow-list
   * @return the new lexicon
   */
  public TermLexicon reload(Reader terms, Reader allowList) {
    TermLexicon next = TermLexicon.read(terms, allowList);
    reload(next);
    return next;
  }

  /**
   * The lexicon in use.
   *
   * @return the current lexicon
   */
  public TermLexicon lexicon() {
    return lexicon;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public RuleVerdict check(Submission candidate, Campaign campaign) {
    return check(candidate.text().original());
  }

  /**
   * Checks a bare text.
   *
   * @param text the text
   * @return the verdict
   */
  public RuleVerdict check(String text) {
    List<TermMatch> matches = lexicon.find(text);
    if (matches.isEmpty()) {
      return RuleVerdict.approve();
    }
    Map<Term, List<TextSpan>> byTerm = new LinkedHashMap<>();
    Map<Term, Boolean> onlyWarned = new LinkedHashMap<>();
    for (TermMatch m : matches) {
      byTerm.computeIfAbsent(m.term(), t -> new ArrayList<>()).add(m.span());
      onlyWarned.merge(m.term(), m.warning(), Boolean::logicalAnd);
    }
    List<RuleVerdict.Finding> findings = new ArrayList<>(byTerm.size());
    for (Map.Entry<Term, List<TextSpan>> e : byTerm.entrySet()) {
      Term term = e.getKey();
      boolean warned = Boolean.TRUE.equals(onlyWarned.get(term));
      boolean block = term.action() == TermAction.BLOCK && !warned;
      String code =
          block
              ? "blocked-term"
              : term.action() == TermAction.BLOCK ? "warned-term" : "review-term";
      findings.add(
          new RuleVerdict.Finding(
              code,
              block ? ModerationDecision.REJECT : ModerationDecision.REVIEW,
              detail(term, code),
              e.getValue()));
    }
    return new RuleVerdict(ModerationDecision.APPROVE, findings, List.of());
  }

  private static String detail(Term term, String code) {
    String base = "term '" + term.text() + "' (" + term.category() + ")";
    return code.equals("warned-term") ? base + WARNED : base;
  }

  private static final String WARNED = " in a text warning against it or naming a public service";
}
