package dev.spirit.moderation;

import dev.spirit.campaign.Campaign;
import dev.spirit.moderation.state.ModerationState;
import dev.spirit.moderation.state.StateKey;
import dev.spirit.submission.Submission;
import java.util.Set;

/**
 * One check of a {@link ModerationPipeline}. A rule looks at a candidate submission and returns a
 * {@link RuleVerdict}; it must be thread-safe and should be quick (it runs on the intake path).
 * Writing one takes a few lines:
 *
 * <pre>{@code
 * ModerationRule noShouting = ModerationRule.of("no-shouting", "1", (s, campaign) ->
 *     s.text().original().equals(s.text().original().toUpperCase(Locale.ROOT))
 *             && s.text().length() > 10
 *         ? RuleVerdict.review("shouting", "all capitals")
 *         : RuleVerdict.approve());
 * }</pre>
 */
public interface ModerationRule {

  /**
   * A stable identifier, recorded in each reason and in the rule versions of the audit trail.
   *
   * @return e.g. {@code lexicon}
   */
  String id();

  /**
   * The version of the rule and its data (e.g. the lexicon's fingerprint), so a decision can be
   * explained after the rule changed.
   *
   * @return a version string
   */
  String version();

  /**
   * Checks a candidate submission.
   *
   * @param candidate the submission as it would be stored
   * @param campaign its campaign
   * @return what the rule found
   */
  RuleVerdict check(Submission candidate, Campaign campaign);

  /**
   * Checks a candidate submission with the store's moderation state: what intake calls. A rule that
   * keeps history across submissions (rates, duplicates) keeps it in {@code state}, so instances on
   * one shared store and restarts of a durable one see the same history. Rules without history need
   * not override it: it calls {@link #check(Submission, Campaign)}.
   *
   * @param candidate the submission as it would be stored
   * @param campaign its campaign
   * @param state the store's moderation state
   * @return what the rule found
   */
  default RuleVerdict check(Submission candidate, Campaign campaign, ModerationState state) {
    return check(candidate, campaign);
  }

  /**
   * The keys of the moderation state that {@link #check(Submission, Campaign, ModerationState)}
   * will use for this candidate, so that intake can have a batch's keys locked and read together
   * ({@link ModerationState#atomically}). A rule with history should name every key it uses; one it
   * leaves out still works, but is locked on its own when used. The default names none.
   *
   * @param candidate the submission
   * @param campaign its campaign
   * @return the keys
   */
  default Set<StateKey> stateKeys(Submission candidate, Campaign campaign) {
    return Set.of();
  }

  /** The body of a rule written as a lambda. */
  @FunctionalInterface
  interface Check {
    /**
     * Checks a candidate submission.
     *
     * @param candidate the submission
     * @param campaign its campaign
     * @return the verdict
     */
    RuleVerdict check(Submission candidate, Campaign campaign);
  }

  /**
   * A rule from a lambda.
   *
   * @param id the rule id
   * @param version its version
   * @param check the check
   * @return the rule
   */
  static ModerationRule of(String id, String version, Check check) {
    return new ModerationRule() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public String version() {
        return version;
      }

      @Override
      public RuleVerdict check(Submission candidate, Campaign campaign) {
        return check.check(candidate, campaign);
      }

      @Override
      public String toString() {
        return "ModerationRule[" + id + "@" + version + "]";
      }
    };
  }
}
