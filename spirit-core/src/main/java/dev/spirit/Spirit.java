package dev.spirit;

import dev.spirit.error.InvalidInputException;
import dev.spirit.event.SpiritListener;
import dev.spirit.intake.Intake;
import dev.spirit.moderation.Moderator;
import dev.spirit.participant.ParticipantId;
import dev.spirit.retention.Retention;
import dev.spirit.review.ReviewWorkflow;
import dev.spirit.storage.SpiritStore;
import dev.spirit.storage.SpiritStores;
import dev.spirit.submission.AuditEntry;
import dev.spirit.submission.Receipt;
import dev.spirit.submission.SubmissionRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * The entry point of Spirit over one storage backend, and a facade over the four parts that do the
 * work, each in the package of its concept:
 *
 * <ul>
 *   <li>{@link #campaigns()}: create campaigns, find them, move them through their lifecycle;
 *   <li>{@link #intake()} (and the shortcuts {@link #submit}, {@link #submitAll}): intake rules,
 *       moderation at intake, the atomic insert;
 *   <li>{@link #review()}: status changes, endorsements and reports, appeals, redaction;
 *   <li>{@link #submissions()}: queries;
 *   <li>{@link #retention()}: purges of campaigns whose retention period has passed;
 *   <li>{@link #kiosks()}: kiosk devices' bearer tokens;
 *   <li>{@link #participants()}: withdrawal of a participant's consent.
 * </ul>
 *
 * <p>Thread-safe. Build one per application with {@link #builder()} and close it on shutdown (which
 * closes the store). Storage rules (versions, uniqueness, idempotency, the participant limit) are
 * stated once in {@link SpiritStore}'s contract.
 */
public final class Spirit implements AutoCloseable {
  /** How often a campaign's stored lexicon is looked up again unless the builder says otherwise. */
  public static final Duration DEFAULT_LEXICON_REFRESH = Duration.ofSeconds(2);

  private final SpiritStore store;
  private final Clock clock;
  private final List<SpiritListener> listeners;
  private final Campaigns campaigns;
  private final Intake intake;
  private final ReviewWorkflow review;
  private final Submissions submissions;
  private final Retention retention;
  private final Kiosks kiosks;
  private final Participants participants;

  private Spirit(Builder builder, SpiritStore store) {
    this.store = store;
    this.clock = builder.clock;
    this.listeners = new CopyOnWriteArrayList<>(builder.listeners);
    LexiconModeration moderation =
        new LexiconModeration(store, clock, builder.moderator, builder.lexiconRefresh);
    this.campaigns = new Campaigns(store, clock, moderation);
    this.kiosks = new Kiosks(store, clock);
    this.intake = new Intake(store, clock, moderation, listeners);
    this.review =
        new ReviewWorkflow(
            store,
            clock,
            listeners,
            campaign -> moderation.refreshNow(campaign.id()).contentRules());
    this.submissions = new Submissions(store, clock);
    this.retention = new Retention(store, clock, listeners);
    this.participants = new Participants(store, clock, submissions, listeners);
  }

  /**
   * Starts building a Spirit instance.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The kiosk devices: issue, list and revoke their bearer tokens, and authenticate them.
   *
   * @return the kiosks
   */
  public Kiosks kiosks() {
    return kiosks;
  }

  /**
   * The campaigns: create, find, open and close them.
   *
   * @return the campaigns
   */
  public Campaigns campaigns() {
    return campaigns;
  }

  /**
   * Intake of submissions.
   *
   * @return the intake
   */
  public Intake intake() {
    return intake;
  }

  /**
   * The review workflow: status changes, reactions, appeals and redaction.
   *
   * @return the workflow
   */
  public ReviewWorkflow review() {
    return review;
  }

  /**
   * Queries over submissions.
   *
   * @return the queries
   */
  public Submissions submissions() {
    return submissions;
  }

  /**
   * The participants: withdraw a participant's consent, unpublishing or erasing their submissions.
   *
   * @return the participants
   */
  public Participants participants() {
    return participants;
  }

  /**
   * Retention purges: erase the submissions of campaigns whose retention period has passed.
   *
   * @return the purger
   */
  public Retention retention() {
    return retention;
  }

  /**
   * Takes in one submission (shortcut for {@code intake().submit(request)}).
   *
   * @param request the request
   * @return accepted with id and status, or rejected with every reason
   */
  public Receipt submit(SubmissionRequest request) {
    return intake.submit(request);
  }

  /**
   * Takes in many submissions at once (shortcut for {@code intake().submitAll(requests)}).
   *
   * @param requests the requests
   * @return one receipt per request, in order
   */
  public List<Receipt> submitAll(List<SubmissionRequest> requests) {
    return intake.submitAll(requests);
  }

  /**
   * Erases everything of a participant in every campaign: their submissions and reactions are
   * deleted from the store (from its files or tables, before this returns: see {@link
   * SpiritStore#eraseParticipant}), and listeners (such as aggregation) remove their contribution.
   * The audit log keeps who changed what and when with the reasons replaced by {@code erased}, and
   * gains one entry per erased submission (actor {@link AuditEntry#ACTOR_ERASURE}); nothing of what
   * was erased.
   *
   * @param participant the participant
   * @return how many submissions were erased
   */
  public int eraseParticipant(ParticipantId participant) {
    return submissions.erase(participant, listeners);
  }

  /**
   * Adds a listener after construction (e.g. an aggregation that attaches itself).
   *
   * @param listener the listener
   */
  public void addListener(SpiritListener listener) {
    listeners.add(listener);
  }

  /**
   * The store this instance works on, for components such as aggregation that scan it.
   *
   * @return the store
   */
  public SpiritStore store() {
    return store;
  }

  /**
   * The clock this instance uses.
   *
   * @return the clock
   */
  public Clock clock() {
    return clock;
  }

  /** Closes the store. */
  @Override
  public void close() {
    store.close();
  }

  /** Builds {@link Spirit} instances. A store is required. */
  public static final class Builder {
    private @Nullable SpiritStore store;
    private @Nullable String storeUri;
    private Clock clock = Clock.systemUTC();
    private Moderator moderator = Moderator.NONE;
    private Duration lexiconRefresh = DEFAULT_LEXICON_REFRESH;
    private final List<SpiritListener> listeners = new ArrayList<>();

    private Builder() {}

    /**
     * Uses this store; {@link Spirit#close()} closes it.
     *
     * @param value the store
     * @return this builder
     */
    public Builder store(SpiritStore value) {
      this.store = value;
      return this;
    }

    /**
     * Opens the store at a URI with {@link SpiritStores#open(String)} when building.
     *
     * @param uri e.g. {@code file:./spirit-data} or {@code jdbc:h2:file:./spirit}
     * @return this builder
     */
    public Builder storeUri(String uri) {
      this.storeUri = uri;
      return this;
    }

    /**
     * Uses this clock for intake times (default: system UTC).
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = value;
      return this;
    }

    /**
     * Screens new submissions with this moderator (default: {@link Moderator#NONE}). A campaign
     * with a stored lexicon ({@link Campaigns#attachLexicon}) is screened with that lexicon instead
     * of the moderator's own: in a {@link dev.spirit.moderation.ModerationPipeline} it takes the
     * place of the {@code lexicon} rule (or runs first, if there is none); any other moderator runs
     * after it, and the two records are merged (strictest decision, every reason).
     *
     * @param value the moderator, e.g. a moderation pipeline
     * @return this builder
     */
    public Builder moderator(Moderator value) {
      this.moderator = value;
      return this;
    }

    /**
     * How often a campaign's stored lexicon is looked up again (default 2 seconds): a lexicon
     * attached by another instance or process is in force here within this interval. The interval
     * is measured with the builder's clock; zero looks it up for every submission.
     *
     * @param value the interval, zero or more
     * @return this builder
     * @throws InvalidInputException if it is negative
     */
    public Builder lexiconRefresh(Duration value) {
      if (value == null || value.isNegative()) {
        throw new InvalidInputException("lexiconRefresh", "must be zero or more, was " + value);
      }
      this.lexiconRefresh = value;
      return this;
    }

    /**
     * Adds a listener.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(SpiritListener listener) {
      listeners.add(listener);
      return this;
    }

    /**
     * Builds the instance.
     *
     * @return a ready Spirit
     * @throws InvalidInputException if neither a store nor a store URI was given
     */
    public Spirit build() {
      if (store != null) {
        return new Spirit(this, store);
      }
      if (storeUri != null) {
        return new Spirit(this, SpiritStores.open(storeUri));
      }
      throw new InvalidInputException("store", "a store or store URI is required");
    }
  }
}
