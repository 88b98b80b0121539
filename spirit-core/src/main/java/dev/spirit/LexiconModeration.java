package dev.spirit;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.CampaignId;
import dev.spirit.moderation.CampaignLexicon;
import dev.spirit.moderation.DuplicateRule;
import dev.spirit.moderation.LexiconRule;
import dev.spirit.moderation.ModerationPipeline;
import dev.spirit.moderation.ModerationRule;
import dev.spirit.moderation.Moderator;
import dev.spirit.moderation.RateRule;
import dev.spirit.moderation.TermLexicon;
import dev.spirit.moderation.state.ModerationState;
import dev.spirit.moderation.state.StateKey;
import dev.spirit.storage.SpiritStore;
import dev.spirit.submission.ModerationDecision;
import dev.spirit.submission.ModerationReason;
import dev.spirit.submission.ModerationRecord;
import dev.spirit.submission.Submission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The moderator a {@link Spirit} hands to intake: the builder's moderator, except that a campaign
 * with a stored lexicon ({@link Campaigns#attachLexicon}) is moderated with that lexicon.
 *
 * <ol>
 *   <li>Per campaign it keeps the revision in force, compiled once, with the moderator built on it:
 *       the builder's {@link ModerationPipeline} with its {@code lexicon} rule replaced (added
 *       first if it has none), sharing the pipeline's other rule instances (whose flood and rate
 *       history is the store's moderation state, passed on with each call); or, for any other
 *       moderator, the stored lexicon's rule first and then that moderator, their records merged.
 *   <li>The store is asked for the campaign's current revision at most once per refresh interval
 *       (by the {@link Clock}), so a change made by another instance or process is in force within
 *       one interval. Only the one intake thread that finds the interval elapsed reads the store
 *       and compiles a new revision; every other thread goes on with the revision in force.
 *   <li>A revision that fails to compile (or a store that fails to answer) is logged and the
 *       revision in force stays; the next interval tries again.
 *   <li>A campaign's first submission waits for its first look-up: there is nothing in force yet.
 *       If that revision cannot be compiled, the campaign's submissions are held for review ({@code
 *       lexicon-failed}) until a good one is stored: unchecked text must not go public.
 * </ol>
 */
final class LexiconModeration implements Moderator {
  private static final Logger LOG = LoggerFactory.getLogger(LexiconModeration.class);

  private final SpiritStore store;
  private final Clock clock;
  private final Moderator base;
  private final Duration refresh;
  private final Map<CampaignId, Slot> slots = new ConcurrentHashMap<>();

  /** What is in force for one campaign. */
  record InForce(
      long revision, Optional<String> version, Moderator moderator, Moderator contentRules) {}

  /** One campaign's state: the revision in force, when the store was last asked, a refresh flag. */
  private static final class Slot {
    volatile @Nullable InForce inForce;
    volatile Instant checkedAt = Instant.MIN;
    final AtomicBoolean refreshing = new AtomicBoolean();
  }

  LexiconModeration(SpiritStore store, Clock clock, Moderator base, Duration refresh) {
    this.store = store;
    this.clock = clock;
    this.base = base;
    this.refresh = refresh;
  }

  @Override
  public ModerationRecord moderate(Submission candidate, Campaign campaign) {
    return inForce(campaign.id()).moderator().moderate(candidate, campaign);
  }

  @Override
  public ModerationRecord moderate(Submission candidate, Campaign campaign, ModerationState state) {
    return inForce(campaign.id()).moderator().moderate(candidate, campaign, state);
  }

  @Override
  public Set<StateKey> stateKeys(Submission candidate, Campaign campaign) {
    return inForce(campaign.id()).moderator().stateKeys(candidate, campaign);
  }

  /** A moderator body that passes the store's state on when it is given one. */
  @FunctionalInterface
  private interface Body {
    ModerationRecord apply(
        Submission candidate, Campaign campaign, @Nullable ModerationState state);
  }

  private static ModerationRecord run(
      Moderator m, Submission candidate, Campaign campaign, @Nullable ModerationState state) {
    return state == null ? m.moderate(candidate, campaign) : m.moderate(candidate, campaign, state);
  }

  /** A moderator from a body, declaring the state keys {@code keys} declares. */
  private static Moderator moderator(Moderator keys, Body body) {
    return new Moderator() {
      @Override
      public Set<StateKey> stateKeys(Submission candidate, Campaign campaign) {
        return keys.stateKeys(candidate, campaign);
      }

      @Override
      public ModerationRecord moderate(Submission candidate, Campaign campaign) {
        return body.apply(candidate, campaign, null);
      }

      @Override
      public ModerationRecord moderate(
          Submission candidate, Campaign campaign, ModerationState state) {
        return body.apply(candidate, campaign, state);
      }
    };
  }

  /**
   * What is in force for a campaign, after the look-up the refresh interval allows.
   *
   * @param id the campaign
   * @return the revision in force (revision 0: the builder's moderator)
   */
  InForce inForce(CampaignId id) {
    Slot slot = slots.computeIfAbsent(id, k -> new Slot());
    InForce current = slot.inForce;
    if (current == null) {
      synchronized (slot) {
        current = slot.inForce;
        if (current == null) {
          Instant now = clock.instant();
          Optional<CampaignLexicon> stored = store.findLexicon(id);
          try {
            current = build(id, stored);
            stored.ifPresent(LexiconModeration::log);
          } catch (RuntimeException e) {
            LOG.error(
                "campaign {}: its stored lexicon cannot be compiled; its submissions are held for"
                    + " review until a good revision is attached",
                id,
                e);
            current = failed(stored.orElseThrow(), e);
          }
          slot.inForce = current;
          slot.checkedAt = now;
        }
      }
      return current;
    }
    Instant now = clock.instant();
    if (due(slot, now) && slot.refreshing.compareAndSet(false, true)) {
      try {
        refresh(id, slot, now);
      } finally {
        slot.refreshing.set(false);
      }
    }
    InForce after = slot.inForce;
    return after == null ? current : after;
  }

  /**
   * Reads the campaign's current revision now, whatever the interval, and puts it in force (used
   * before re-moderating a campaign, which must use the newest lexicon).
   *
   * @param id the campaign
   * @return what is in force afterwards
   */
  InForce refreshNow(CampaignId id) {
    Slot slot = slots.computeIfAbsent(id, k -> new Slot());
    if (slot.inForce == null) {
      return inForce(id);
    }
    // Concurrent refreshes are harmless: a revision only ever replaces an older one.
    refresh(id, slot, clock.instant());
    InForce after = slot.inForce;
    return after == null ? inForce(id) : after;
  }

  /**
   * Puts a revision this instance has just stored and compiled in force at once, so that it needs
   * no look-up or second compilation.
   *
   * @param stored the stored revision
   * @param compiled its compiled lexicon
   */
  void installed(CampaignLexicon stored, TermLexicon compiled) {
    Slot slot = slots.computeIfAbsent(stored.campaignId(), k -> new Slot());
    synchronized (slot) {
      InForce current = slot.inForce;
      if (current == null || current.revision() < stored.revision()) {
        slot.inForce = build(stored, compiled);
        log(stored);
      }
    }
  }

  private boolean due(Slot slot, Instant now) {
    Instant checked = slot.checkedAt;
    return checked.equals(Instant.MIN) || !now.isBefore(checked.plus(refresh));
  }

  private void refresh(CampaignId id, Slot slot, Instant now) {
    try {
      Optional<CampaignLexicon> stored = store.findLexicon(id);
      long revision = stored.map(CampaignLexicon::revision).orElse(0L);
      InForce current = slot.inForce;
      if (current == null || current.revision() != revision) {
        InForce next = build(id, stored);
        synchronized (slot) {
          InForce latest = slot.inForce;
          if (latest == null || latest.revision() < next.revision()) {
            slot.inForce = next;
            stored.ifPresent(LexiconModeration::log);
          }
        }
      }
    } catch (RuntimeException e) {
      // A revision this code cannot compile, or a store that did not answer: keep what is in force.
      InForce current = slot.inForce;
      LOG.warn(
          "campaign {}: cannot bring its stored lexicon into force; revision {} stays in force",
          id,
          current == null ? "none" : current.revision(),
          e);
    } finally {
      slot.checkedAt = now;
    }
  }

  private static void log(CampaignLexicon stored) {
    LOG.info(
        "campaign {}: lexicon revision {} (version {}, attached by {} at {}) in force",
        stored.campaignId(),
        stored.revision(),
        stored.version(),
        stored.attachedBy(),
        stored.attachedAt());
  }

  private InForce build(CampaignId id, Optional<CampaignLexicon> stored) {
    if (stored.isEmpty()) {
      return new InForce(0, Optional.empty(), base, contentRulesOf(base, null));
    }
    return build(stored.get(), stored.get().compile());
  }

  /**
   * What a campaign gets when its stored revision cannot be compiled and nothing is in force yet:
   * the builder's moderator, with every submission held for review ({@code lexicon-failed}), as a
   * rule that throws is treated; unchecked text must not go public. The revision number is -1, so
   * the next look-up tries again.
   */
  private InForce failed(CampaignLexicon stored, RuntimeException cause) {
    String detail =
        "stored lexicon revision "
            + stored.revision()
            + " cannot be compiled ("
            + cause.getClass().getSimpleName()
            + "): held for review";
    Moderator held =
        moderator(
            base,
            (candidate, campaign, state) -> {
              ModerationRecord record = run(base, candidate, campaign, state);
              List<ModerationReason> reasons = new ArrayList<>(record.reasons());
              reasons.add(
                  new ModerationReason(
                      LexiconRule.ID,
                      "lexicon-failed",
                      ModerationDecision.REVIEW,
                      detail,
                      List.of()));
              return new ModerationRecord(
                  record.decision().strictest(ModerationDecision.REVIEW),
                  reasons,
                  record.ruleVersions(),
                  record.redactedText(),
                  record.decidedAt());
            });
    return new InForce(-1, Optional.empty(), held, contentRulesOf(base, null));
  }

  private InForce build(CampaignLexicon stored, TermLexicon compiled) {
    LexiconRule rule = new LexiconRule(compiled);
    Moderator moderator;
    if (base instanceof ModerationPipeline pipeline) {
      moderator = ModerationPipeline.of(withRule(pipeline, rule).toArray(ModerationRule[]::new));
    } else {
      ModerationPipeline lexiconOnly = ModerationPipeline.of(rule);
      Moderator rest = base;
      moderator =
          moderator(
              rest,
              (candidate, campaign, state) ->
                  merge(
                      lexiconOnly.moderate(candidate, campaign),
                      run(rest, candidate, campaign, state)));
    }
    return new InForce(
        stored.revision(), Optional.of(stored.version()), moderator, contentRulesOf(base, rule));
  }

  /**
   * The content rules of re-moderation: the pipeline's rules without the stream rules (rate,
   * duplicates and floods), with the stored lexicon's rule in place of its own; for a moderator
   * that is not a pipeline, the stored lexicon's rule alone (or nothing).
   */
  private static Moderator contentRulesOf(Moderator base, @Nullable LexiconRule stored) {
    List<ModerationRule> rules = new ArrayList<>();
    if (base instanceof ModerationPipeline pipeline) {
      rules.addAll(stored == null ? pipeline.rules() : withRule(pipeline, stored));
    } else if (stored != null) {
      rules.add(stored);
    }
    rules.removeIf(r -> r instanceof RateRule || r instanceof DuplicateRule);
    return ModerationPipeline.of(rules.toArray(ModerationRule[]::new));
  }

  private static List<ModerationRule> withRule(ModerationPipeline pipeline, LexiconRule rule) {
    List<ModerationRule> rules = new ArrayList<>(pipeline.rules());
    boolean replaced = false;
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).id().equals(LexiconRule.ID)) {
        rules.set(i, rule);
        replaced = true;
      }
    }
    if (!replaced) {
      rules.add(0, rule);
    }
    return rules;
  }

  private static ModerationRecord merge(ModerationRecord lexicon, ModerationRecord rest) {
    List<ModerationReason> reasons = new ArrayList<>(lexicon.reasons());
    reasons.addAll(rest.reasons());
    Map<String, String> versions = new LinkedHashMap<>(lexicon.ruleVersions());
    versions.putAll(rest.ruleVersions());
    return new ModerationRecord(
        lexicon.decision().strictest(rest.decision()),
        reasons,
        versions,
        rest.redactedText(),
        rest.decidedAt());
  }
}
