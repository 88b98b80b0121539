package dev.spirit.moderation;

import dev.spirit.campaign.Campaign;
import dev.spirit.error.InvalidInputException;
import dev.spirit.moderation.state.ModerationState;
import dev.spirit.moderation.state.StateKey;
import dev.spirit.submission.ModerationDecision;
import dev.spirit.submission.ModerationReason;
import dev.spirit.submission.ModerationRecord;
import dev.spirit.submission.Submission;
import dev.spirit.submission.TextSpan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Automatic moderation as a sequence of {@link ModerationRule}s. Install it with {@code
 * Spirit.builder().moderator(pipeline)}.
 *
 * <p>For each candidate submission:
 *
 * <ol>
 *   <li>every rule runs, in order (all of them, so the record lists every reason, not only the
 *       first);
 *   <li>a rule that throws is logged and counts as a {@code REVIEW} finding {@code rule-failed}: a
 *       broken rule must neither publish unchecked text nor refuse people;
 *   <li>the decision is the strictest of all rules' decisions ({@code REJECT > REVIEW > APPROVE});
 *   <li>the redactions of all rules are merged and masked in the original text with {@code *}, one
 *       per UTF-16 unit, giving the record's redacted text;
 *   <li>each rule's id and version go into the record, so a decision can be explained later.
 * </ol>
 *
 * <p>Thread-safe if its rules are (the rules shipped with Spirit are).
 */
public final class ModerationPipeline implements Moderator {
  private static final Logger LOG = LoggerFactory.getLogger(ModerationPipeline.class);

  private final List<ModerationRule> rules;
  private final ModerationRule[] ruleArray;
  // The rule versions of the last record, reused while no rule's version changes (a lexicon
  // reload changes one): building and copying the map for every submission was a tenth of a
  // pipeline run.
  private volatile Versions versions;

  /** The versions the rules had, in rule order, and the record's map of them. */
  private record Versions(String[] each, Map<String, String> map) {}

  private ModerationPipeline(List<ModerationRule> rules) {
    this.rules = List.copyOf(rules);
    this.ruleArray = this.rules.toArray(new ModerationRule[0]);
    this.versions = versionsNow();
  }

  private Versions versionsNow() {
    String[] each = new String[ruleArray.length];
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < ruleArray.length; i++) {
      each[i] = ruleArray[i].version();
      map.put(ruleArray[i].id(), each[i]);
    }
    return new Versions(each, Map.copyOf(map));
  }

  private Map<String, String> currentVersions() {
    Versions v = versions;
    String[] each = v.each();
    for (int i = 0; i < ruleArray.length; i++) {
      if (!ruleArray[i].version().equals(each[i])) {
        v = versionsNow();
        versions = v;
        break;
      }
    }
    return v.map();
  }

  /**
   * A pipeline of these rules.
   *
   * @param rules the rules, in the order they run
   * @return the pipeline
   * @throws InvalidInputException if two rules share an id
   */
  public static ModerationPipeline of(ModerationRule... rules) {
    return builder().rules(List.of(rules)).build();
  }

  /**
   * The standard pipeline: lexicon, personal data, near-duplicates and floods, rate, quality.
   *
   * @param lexicon the lexicon rule (keep a reference to reload it)
   * @return the pipeline
   */
  public static ModerationPipeline standard(LexiconRule lexicon) {
    return of(
        lexicon, new PersonalDataRule(), new DuplicateRule(), new RateRule(), new QualityRule());
  }

  /**
   * Starts a pipeline.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The rules, in order.
   *
   * @return the rules
   */
  public List<ModerationRule> rules() {
    return rules;
  }

  /**
   * Moderates with each rule's own history ({@link ModerationRule#check(Submission, Campaign)}).
   *
   * @param candidate the submission as it would be stored
   * @param campaign its campaign
   * @return the record
   */
  @Override
  public ModerationRecord moderate(Submission candidate, Campaign campaign) {
    return run(candidate, campaign, null);
  }

  /**
   * Moderates with the store's state: each rule runs {@link ModerationRule#check(Submission,
   * Campaign, ModerationState)}.
   *
   * @param candidate the submission as it would be stored
   * @param campaign its campaign
   * @param state the store's moderation state
   * @return the record
   */
  @Override
  public ModerationRecord moderate(Submission candidate, Campaign campaign, ModerationState state) {
    return run(candidate, campaign, state);
  }

  /**
   * The keys every rule declares for this candidate ({@link ModerationRule#stateKeys}).
   *
   * @param candidate the submission
   * @param campaign its campaign
   * @return the union of the rules' keys
   */
  @Override
  public Set<StateKey> stateKeys(Submission candidate, Campaign campaign) {
    @Nullable Set<StateKey> keys = null;
    for (ModerationRule rule : ruleArray) {
      Set<StateKey> mine = rule.stateKeys(candidate, campaign);
      if (!mine.isEmpty()) {
        if (keys == null) {
          keys = new HashSet<>();
        }
        keys.addAll(mine);
      }
    }
    return keys == null ? Set.of() : keys;
  }

  private ModerationRecord run(
      Submission candidate, Campaign campaign, @Nullable ModerationState state) {
    ModerationDecision decision = ModerationDecision.APPROVE;
    // Made on the first reason or redaction: most submissions have none.
    List<ModerationReason> reasons = List.of();
    List<TextSpan> redactions = List.of();
    // Read once, before the rules run (a reload during the run is named from the next record on).
    Map<String, String> versions = currentVersions();
    for (ModerationRule rule : ruleArray) {
      RuleVerdict verdict;
      try {
        verdict =
            state == null
                ? rule.check(candidate, campaign)
                : rule.check(candidate, campaign, state);
      } catch (RuntimeException e) {
        LOG.warn("moderation rule {} failed on submission {}", rule.id(), candidate.id(), e);
        verdict = RuleVerdict.review("rule-failed", "rule threw " + e.getClass().getSimpleName());
      }
      decision = decision.strictest(verdict.decision());
      List<RuleVerdict.Finding> findings = verdict.findings();
      if (!findings.isEmpty()) {
        if (reasons.isEmpty()) {
          reasons = new ArrayList<>(findings.size());
        }
        for (RuleVerdict.Finding f : findings) {
          reasons.add(
              new ModerationReason(rule.id(), f.code(), f.decision(), f.detail(), f.spans()));
        }
      }
      if (!verdict.redactions().isEmpty()) {
        if (redactions.isEmpty()) {
          redactions = new ArrayList<>();
        }
        redactions.addAll(verdict.redactions());
      }
    }
    Optional<String> redacted =
        redactions.isEmpty()
            ? Optional.empty()
            : Optional.of(mask(candidate.text().original(), redactions));
    return new ModerationRecord(decision, reasons, versions, redacted, candidate.receivedAt());
  }

  /**
   * Masks spans of a text with {@code *}, one per UTF-16 unit, so the masked text stays aligned
   * with the original.
   *
   * @param text the original text
   * @param spans spans to mask, in any order, possibly overlapping
   * @return the masked text
   */
  public static String mask(String text, List<TextSpan> spans) {
    char[] out = text.toCharArray();
    for (TextSpan span : spans) {
      for (int i = span.start(); i < Math.min(span.end(), out.length); i++) {
        out[i] = '*';
      }
    }
    return new String(out);
  }

  /** Builds {@link ModerationPipeline}s. */
  public static final class Builder {
    private final List<ModerationRule> rules = new ArrayList<>();

    private Builder() {}

    /**
     * Appends a rule.
     *
     * @param rule the rule
     * @return this builder
     */
    public Builder rule(ModerationRule rule) {
      rules.add(rule);
      return this;
    }

    /**
     * Appends rules.
     *
     * @param more the rules
     * @return this builder
     */
    public Builder rules(List<ModerationRule> more) {
      rules.addAll(more);
      return this;
    }

    /**
     * Builds the pipeline.
     *
     * @return the pipeline
     * @throws InvalidInputException if two rules share an id
     */
    public ModerationPipeline build() {
      Set<String> ids = new HashSet<>();
      for (ModerationRule rule : rules) {
        if (!ids.add(rule.id())) {
          throw new InvalidInputException("pipeline.rules", "two rules have the id " + rule.id());
        }
      }
      return new ModerationPipeline(rules);
    }
  }
}
