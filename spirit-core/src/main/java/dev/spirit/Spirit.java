package dev.spirit;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.CampaignId;
import dev.spirit.campaign.CampaignState;
import dev.spirit.campaign.Language;
import dev.spirit.campaign.LengthLimit;
import dev.spirit.campaign.ModerationMode;
import dev.spirit.campaign.SubmissionRules;
import dev.spirit.error.IllegalTransitionException;
import dev.spirit.error.InvalidInputException;
import dev.spirit.error.NotFoundException;
import dev.spirit.error.NotPermittedException;
import dev.spirit.error.VersionConflictException;
import dev.spirit.event.SpiritListener;
import dev.spirit.moderation.Moderator;
import dev.spirit.participant.ParticipantId;
import dev.spirit.storage.InsertOutcome;
import dev.spirit.storage.Page;
import dev.spirit.storage.PageRequest;
import dev.spirit.storage.SpiritStore;
import dev.spirit.storage.SpiritStores;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.submission.AuditEntry;
import dev.spirit.submission.ModerationDecision;
import dev.spirit.submission.ModerationRecord;
import dev.spirit.submission.Reaction;
import dev.spirit.submission.ReactionType;
import dev.spirit.submission.Receipt;
import dev.spirit.submission.Rejection;
import dev.spirit.submission.RejectionCode;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import dev.spirit.submission.SubmissionRequest;
import dev.spirit.submission.SubmissionStatus;
import dev.spirit.submission.SubmissionText;
import dev.spirit.submission.TextSpan;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point of Spirit: campaigns, intake of submissions, status changes, reactions and
 * erasure, over one storage backend. Thread-safe. Build one per application with {@link #builder()}
 * and close it on shutdown (which closes the store).
 *
 * <p>Intake ({@link #submit}) checks a request against its campaign in this order, collecting every
 * broken rule rather than stopping at the first: the campaign exists and is open at that instant;
 * district, channel and kind are accepted; the normalized text is within the kind's length limits;
 * the language is accepted; consent was given if required. It then runs automatic moderation and
 * asks the store to insert the submission atomically with the idempotency and per-participant
 * checks.
 */
public final class Spirit implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Spirit.class);

  /** Actor name recorded in the audit log for automatic moderation. */
  public static final String ACTOR_MODERATION = "system:moderation";

  /** Actor name recorded in the audit log when reports hide a submission. */
  public static final String ACTOR_REPORTS = "system:reports";

  /** Actor name recorded in the audit log for changes made by the participant. */
  public static final String ACTOR_PARTICIPANT = "participant";

  private final SpiritStore store;
  private final Clock clock;
  private final Moderator moderator;
  private final List<SpiritListener> listeners;

  private Spirit(Builder builder, SpiritStore store) {
    this.store = store;
    this.clock = builder.clock;
    this.moderator = builder.moderator;
    this.listeners = new CopyOnWriteArrayList<>(builder.listeners);
  }

  /**
   * Starts building a Spirit instance.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  // ---- campaigns ------------------------------------------------------------------------------

  /**
   * Stores a new campaign (normally a draft from {@link Campaign#builder(String)}).
   *
   * @param campaign the campaign
   * @return the stored campaign
   * @throws dev.spirit.error.AlreadyExistsException if its id or slug is taken
   */
  public Campaign createCampaign(Campaign campaign) {
    return store.insertCampaign(campaign);
  }

  /**
   * Finds a campaign.
   *
   * @param id the id
   * @return the campaign, or empty
   */
  public Optional<Campaign> campaign(CampaignId id) {
    return store.findCampaign(id);
  }

  /**
   * Finds a campaign by its slug.
   *
   * @param slug the slug
   * @return the campaign, or empty
   */
  public Optional<Campaign> campaignBySlug(String slug) {
    return store.listCampaigns().stream().filter(c -> c.slug().equals(slug)).findFirst();
  }

  /**
   * Lists all campaigns, oldest first.
   *
   * @return the campaigns
   */
  public List<Campaign> campaigns() {
    return store.listCampaigns();
  }

  /**
   * Moves a campaign through its lifecycle.
   *
   * @param id the campaign
   * @param target the state to move to
   * @return the stored campaign
   * @throws NotFoundException if there is no such campaign
   * @throws IllegalTransitionException if the lifecycle does not allow the move
   * @throws VersionConflictException if the campaign changed concurrently
   */
  public Campaign moveCampaign(CampaignId id, CampaignState target) {
    Campaign current = requireCampaign(id);
    return store.updateCampaign(current.moveTo(target));
  }

  /**
   * Opens (or reopens) a campaign.
   *
   * @param id the campaign
   * @return the stored campaign
   */
  public Campaign openCampaign(CampaignId id) {
    return moveCampaign(id, CampaignState.OPEN);
  }

  /**
   * Closes a campaign.
   *
   * @param id the campaign
   * @return the stored campaign
   */
  public Campaign closeCampaign(CampaignId id) {
    return moveCampaign(id, CampaignState.CLOSED);
  }

  private Campaign requireCampaign(CampaignId id) {
    return store.findCampaign(id).orElseThrow(() -> new NotFoundException("campaign " + id));
  }

  // ---- intake ---------------------------------------------------------------------------------

  /**
   * Takes in one submission.
   *
   * @param request the request
   * @return accepted with id and status, or rejected with every reason
   */
  public Receipt submit(SubmissionRequest request) {
    return submitAll(List.of(request)).get(0);
  }

  /**
   * Takes in many submissions at once (a mailbox import, a batch of transcribed cards), storing
   * them in as few store operations as the backend allows. Each request gets its own receipt, in
   * order; a rejected request does not affect the others.
   *
   * @param requests the requests
   * @return one receipt per request
   */
  public List<Receipt> submitAll(List<SubmissionRequest> requests) {
    Instant now = clock.instant();
    Receipt[] receipts = new Receipt[requests.size()];
    Map<CampaignId, Optional<Campaign>> campaigns = new java.util.HashMap<>();
    Map<CampaignId, List<Integer>> pendingByCampaign = new java.util.LinkedHashMap<>();
    Submission[] candidates = new Submission[requests.size()];
    for (int i = 0; i < requests.size(); i++) {
      SubmissionRequest request = requests.get(i);
      Optional<Campaign> campaign =
          campaigns.computeIfAbsent(request.campaignId(), store::findCampaign);
      if (campaign.isEmpty()) {
        receipts[i] =
            rejected(
                RejectionCode.CAMPAIGN_NOT_FOUND,
                "campaignId",
                "campaign " + request.campaignId() + " does not exist");
        continue;
      }
      Optional<Submission> earlier =
          request
              .idempotencyKey()
              .flatMap(k -> store.findByIdempotencyKey(request.campaignId(), k));
      if (earlier.isPresent()) {
        receipts[i] = new Receipt.Accepted(earlier.get().id(), earlier.get().status(), true);
        continue;
      }
      SubmissionText text = SubmissionText.of(request.text());
      Language language = request.language().orElseGet(() -> Language.detect(text.normalized()));
      List<Rejection> reasons = check(request, campaign.get(), text, language, now);
      if (!reasons.isEmpty()) {
        receipts[i] = new Receipt.Rejected(reasons);
        continue;
      }
      Submission candidate =
          Submission.builder()
              .id(SubmissionId.generate(now))
              .campaignId(request.campaignId())
              .kind(request.kind())
              .text(text)
              .language(language)
              .district(request.district())
              .channel(request.channel())
              .collectionPoint(request.collectionPoint())
              .participant(request.participant())
              .provenance(request.provenance())
              .receivedAt(now)
              .idempotencyKey(request.idempotencyKey())
              .build();
      ModerationRecord verdict = moderator.moderate(candidate, campaign.get());
      candidates[i] =
          candidate.toBuilder()
              .status(statusFor(verdict.decision(), campaign.get().rules().moderationMode()))
              .moderation(Optional.of(verdict))
              .build();
      pendingByCampaign.computeIfAbsent(request.campaignId(), c -> new ArrayList<>()).add(i);
    }
    for (Map.Entry<CampaignId, List<Integer>> group : pendingByCampaign.entrySet()) {
      Campaign campaign =
          java.util.Objects.requireNonNull(campaigns.get(group.getKey())).orElseThrow();
      List<Submission> batch = new ArrayList<>();
      for (int index : group.getValue()) {
        batch.add(candidates[index]);
      }
      List<InsertOutcome> outcomes = store.insertAll(batch, campaign.rules().maxPerParticipant());
      for (int j = 0; j < outcomes.size(); j++) {
        receipts[group.getValue().get(j)] = receiptFor(outcomes.get(j), campaign.rules());
      }
    }
    List<Receipt> result = new ArrayList<>(receipts.length);
    for (Receipt receipt : receipts) {
      result.add(java.util.Objects.requireNonNull(receipt));
    }
    return result;
  }

  private Receipt receiptFor(InsertOutcome outcome, SubmissionRules rules) {
    if (outcome instanceof InsertOutcome.Inserted inserted) {
      Submission stored = inserted.stored();
      if (stored.status() != SubmissionStatus.PENDING) {
        String why =
            stored.moderation().map(m -> "automatic moderation: " + m.decision()).orElse("intake");
        store.appendAudit(
            new AuditEntry(
                stored.campaignId(),
                stored.id(),
                ACTOR_MODERATION,
                stored.receivedAt(),
                SubmissionStatus.PENDING,
                stored.status(),
                why));
      }
      notify(l -> l.onAccepted(stored));
      return new Receipt.Accepted(stored.id(), stored.status(), false);
    } else if (outcome instanceof InsertOutcome.Duplicate duplicate) {
      return new Receipt.Accepted(duplicate.existing().id(), duplicate.existing().status(), true);
    } else {
      long count = ((InsertOutcome.LimitReached) outcome).count();
      return rejected(
          RejectionCode.PARTICIPANT_LIMIT_REACHED,
          "participant",
          "participant already has "
              + count
              + " submissions; the campaign allows "
              + rules.maxPerParticipant());
    }
  }

  private static SubmissionStatus statusFor(ModerationDecision decision, ModerationMode mode) {
    return switch (decision) {
      case REJECT -> SubmissionStatus.REJECTED;
      case REVIEW -> SubmissionStatus.PENDING;
      case APPROVE ->
          mode == ModerationMode.POST ? SubmissionStatus.APPROVED : SubmissionStatus.PENDING;
    };
  }

  private static List<Rejection> check(
      SubmissionRequest request,
      Campaign campaign,
      SubmissionText text,
      Language language,
      Instant now) {
    List<Rejection> reasons = new ArrayList<>();
    if (!campaign.isAcceptingAt(now)) {
      reasons.add(
          new Rejection(
              RejectionCode.CAMPAIGN_NOT_OPEN,
              "campaignId",
              "campaign '"
                  + campaign.slug()
                  + "' is "
                  + campaign.state()
                  + campaign.opensAt().map(o -> ", opens " + o).orElse("")
                  + campaign.closesAt().map(c -> ", closes " + c).orElse("")
                  + "; not taking submissions at "
                  + now));
    }
    if (!campaign.districts().contains(request.district())) {
      reasons.add(
          new Rejection(
              RejectionCode.DISTRICT_NOT_ALLOWED,
              "district",
              "district '"
                  + request.district()
                  + "' is not one of the campaign's districts "
                  + new java.util.TreeSet<>(campaign.districts())));
    }
    if (!campaign.channels().contains(request.channel())) {
      reasons.add(
          new Rejection(
              RejectionCode.CHANNEL_NOT_ALLOWED,
              "channel",
              "channel '"
                  + request.channel().key()
                  + "' is not accepted; accepted: "
                  + new java.util.TreeSet<>(campaign.channels())));
    }
    Optional<LengthLimit> limit = campaign.rules().limitFor(request.kind());
    if (limit.isEmpty()) {
      reasons.add(
          new Rejection(
              RejectionCode.KIND_NOT_ALLOWED,
              "kind",
              "kind '"
                  + request.kind().key()
                  + "' is not accepted; accepted: "
                  + new java.util.TreeSet<>(campaign.rules().lengthLimits().keySet())));
    } else {
      int length = text.length();
      if (length < limit.get().min()) {
        reasons.add(
            new Rejection(
                RejectionCode.TOO_SHORT,
                "text",
                "text has "
                    + length
                    + " characters after normalization; a "
                    + request.kind().key()
                    + " needs at least "
                    + limit.get().min()));
      } else if (length > limit.get().max()) {
        reasons.add(
            new Rejection(
                RejectionCode.TOO_LONG,
                "text",
                "text has "
                    + length
                    + " characters after normalization; a "
                    + request.kind().key()
                    + " allows at most "
                    + limit.get().max()));
      }
    }
    if (!campaign.rules().languages().contains(language)) {
      reasons.add(
          new Rejection(
              RejectionCode.LANGUAGE_NOT_ALLOWED,
              "language",
              (language.equals(Language.UNDETERMINED)
                      ? "the text's language could not be determined"
                      : "language '" + language + "' is not accepted")
                  + "; accepted: "
                  + new java.util.TreeSet<>(campaign.rules().languages())));
    }
    if (campaign.rules().consentRequired() && !request.participant().consent()) {
      reasons.add(
          new Rejection(
              RejectionCode.CONSENT_REQUIRED,
              "participant.consent",
              "the campaign requires the participant's consent"));
    }
    return reasons;
  }

  private static Receipt rejected(RejectionCode code, String field, String message) {
    return new Receipt.Rejected(List.of(new Rejection(code, field, message)));
  }

  // ---- submissions ----------------------------------------------------------------------------

  /**
   * Finds a submission.
   *
   * @param id the id
   * @return the submission, or empty
   */
  public Optional<Submission> submission(SubmissionId id) {
    return store.find(id);
  }

  /**
   * One page of the submissions matching a filter, oldest first.
   *
   * @param filter which submissions
   * @param page which page
   * @return the page
   */
  public Page<Submission> submissions(SubmissionFilter filter, PageRequest page) {
    return store.query(filter, page);
  }

  /**
   * Counts the submissions matching a filter.
   *
   * @param filter which submissions
   * @return how many
   */
  public long count(SubmissionFilter filter) {
    return store.count(filter);
  }

  /**
   * Streams the submissions matching a filter, oldest first. Close the stream.
   *
   * @param filter which submissions
   * @return the stream
   */
  public Stream<Submission> stream(SubmissionFilter filter) {
    return store.stream(filter);
  }

  /**
   * Changes a submission's status, recording who did it and why in the audit log.
   *
   * @param id the submission
   * @param expectedVersion the version the decision was based on
   * @param target the new status
   * @param actor who decides (a moderator name)
   * @param reason why
   * @return the stored submission
   * @throws NotFoundException if there is no such submission
   * @throws VersionConflictException if it changed since {@code expectedVersion}
   * @throws IllegalTransitionException if its status may not move to {@code target}
   */
  public Submission changeStatus(
      SubmissionId id, long expectedVersion, SubmissionStatus target, String actor, String reason) {
    Submission current = requireSubmission(id);
    if (current.version() != expectedVersion) {
      throw new VersionConflictException("submission " + id, expectedVersion, current.version());
    }
    return applyStatus(current, target, actor, reason);
  }

  private Submission applyStatus(
      Submission current, SubmissionStatus target, String actor, String reason) {
    if (!current.status().canMoveTo(target)) {
      throw new IllegalTransitionException(
          "submission " + current.id(), current.status().name(), target.name());
    }
    Submission changed =
        store.update(current.toBuilder().status(target).reviewLease(Optional.empty()).build());
    store.appendAudit(
        new AuditEntry(
            changed.campaignId(),
            changed.id(),
            actor,
            clock.instant(),
            current.status(),
            target,
            reason));
    notify(l -> l.onStatusChanged(current, changed));
    return changed;
  }

  /**
   * Withdraws a submission at its author's request.
   *
   * @param id the submission
   * @param author the participant asking
   * @return the stored, withdrawn submission
   * @throws NotPermittedException if {@code author} did not give it
   */
  public Submission withdraw(SubmissionId id, ParticipantId author) {
    Submission current = requireSubmission(id);
    if (!current.participant().id().equals(author)) {
      throw new NotPermittedException("only the author may withdraw submission " + id);
    }
    return applyStatus(current, SubmissionStatus.WITHDRAWN, ACTOR_PARTICIPANT, "withdrawn");
  }

  /**
   * Records that a person supports an approved submission. One endorsement per person counts.
   *
   * @param id the submission
   * @param by who endorses
   * @return true if this is their first endorsement of it
   * @throws NotPermittedException if the submission is not public
   */
  public boolean endorse(SubmissionId id, ParticipantId by) {
    Submission current = requireSubmission(id);
    if (!current.status().isPublic()) {
      throw new NotPermittedException(
          "submission " + id + " is " + current.status() + "; only approved ones can be endorsed");
    }
    Reaction endorsement =
        new Reaction(
            id, current.campaignId(), by, ReactionType.ENDORSE, Optional.empty(), clock.instant());
    boolean added = store.addReaction(endorsement);
    if (added) {
      notify(l -> l.onEndorsed(current, endorsement));
    }
    return added;
  }

  /**
   * Reports a public submission as illegal or undesirable. Each person's report counts once; when
   * the campaign's report threshold of distinct reporters is reached, an approved submission is
   * hidden pending review.
   *
   * @param id the submission
   * @param reporter who reports
   * @param reason why, in their words
   * @return true if this is their first report of it
   */
  public boolean report(SubmissionId id, ParticipantId reporter, String reason) {
    Submission current = requireSubmission(id);
    Reaction report =
        new Reaction(
            id,
            current.campaignId(),
            reporter,
            ReactionType.REPORT,
            Optional.of(reason),
            clock.instant());
    if (!store.addReaction(report)) {
      return false;
    }
    long reports = store.countReactions(id, ReactionType.REPORT);
    notify(l -> l.onReported(current, report, reports));
    int threshold =
        store.findCampaign(current.campaignId()).map(c -> c.rules().reportThreshold()).orElse(1);
    if (reports >= threshold && current.status() == SubmissionStatus.APPROVED) {
      try {
        Submission hidden =
            applyStatus(
                current,
                SubmissionStatus.HIDDEN,
                ACTOR_REPORTS,
                reports + " distinct reports reached the threshold of " + threshold);
        notify(l -> l.onAutoHidden(hidden, reports));
      } catch (VersionConflictException e) {
        // Someone else changed it first (a moderator, or a concurrent report that hid it).
        LOG.debug("submission {} changed while being hidden by reports", id, e);
      }
    }
    return true;
  }

  /**
   * Asks for a rejected submission to be reviewed again. Each submission may be appealed once, by
   * its author; it becomes pending, and listeners hear {@code onAppealed}.
   *
   * @param id the submission
   * @param author the participant asking
   * @param reason why, in their words
   * @return the stored, pending submission
   * @throws NotFoundException if there is no such submission
   * @throws NotPermittedException if {@code author} did not give it, it is not rejected, or it was
   *     already appealed
   */
  public Submission appeal(SubmissionId id, ParticipantId author, String reason) {
    if (reason == null) {
      throw new InvalidInputException("reason", "must not be null");
    }
    Submission current = requireSubmission(id);
    if (!current.participant().id().equals(author)) {
      throw new NotPermittedException("only the author may appeal submission " + id);
    }
    if (current.status() != SubmissionStatus.REJECTED) {
      throw new NotPermittedException(
          "submission " + id + " is " + current.status() + "; only rejected ones can be appealed");
    }
    if (current.appealed()) {
      throw new NotPermittedException("submission " + id + " was already appealed once");
    }
    Submission changed =
        store.update(
            current.toBuilder()
                .status(SubmissionStatus.PENDING)
                .appealed(true)
                .reviewLease(Optional.empty())
                .build());
    store.appendAudit(
        new AuditEntry(
            changed.campaignId(),
            changed.id(),
            ACTOR_PARTICIPANT,
            clock.instant(),
            current.status(),
            changed.status(),
            "appeal: " + reason));
    notify(l -> l.onStatusChanged(current, changed));
    notify(l -> l.onAppealed(changed, reason));
    return changed;
  }

  /**
   * Masks parts of a submission's text in its public form (edit by redaction: the original stays
   * stored, for the audit trail), keeping its status. The audit log records the change.
   *
   * @param id the submission
   * @param expectedVersion the version the decision was based on
   * @param spans ranges of the original text to mask, in addition to any already masked
   * @param actor who decides
   * @param reason why
   * @return the stored submission
   * @throws NotFoundException if there is no such submission
   * @throws VersionConflictException if it changed since {@code expectedVersion}
   * @throws InvalidInputException if a span lies outside the text
   */
  public Submission redact(
      SubmissionId id, long expectedVersion, List<TextSpan> spans, String actor, String reason) {
    Submission current = requireSubmission(id);
    if (current.version() != expectedVersion) {
      throw new VersionConflictException("submission " + id, expectedVersion, current.version());
    }
    String original = current.text().original();
    // Mask on top of an earlier redaction when it is aligned with the original (one mask per
    // UTF-16 unit, as the moderation pipeline masks).
    String display = current.displayText();
    StringBuilder masked =
        new StringBuilder(display.length() == original.length() ? display : original);
    for (TextSpan span : spans) {
      if (span.end() > original.length()) {
        throw new InvalidInputException(
            "spans", "span " + span + " lies outside a text of " + original.length() + " chars");
      }
      for (int i = span.start(); i < span.end(); i++) {
        masked.setCharAt(i, '*');
      }
    }
    String redacted = masked.toString();
    ModerationRecord record =
        current
            .moderation()
            .map(
                m ->
                    new ModerationRecord(
                        m.decision(),
                        m.reasons(),
                        m.ruleVersions(),
                        Optional.of(redacted),
                        m.decidedAt()))
            .orElseGet(
                () ->
                    new ModerationRecord(
                        ModerationDecision.APPROVE,
                        List.of(),
                        Map.of(),
                        Optional.of(redacted),
                        clock.instant()));
    Submission changed = store.update(current.toBuilder().moderation(Optional.of(record)).build());
    store.appendAudit(
        new AuditEntry(
            changed.campaignId(),
            changed.id(),
            actor,
            clock.instant(),
            current.status(),
            changed.status(),
            "redacted: " + reason));
    return changed;
  }

  private Submission requireSubmission(SubmissionId id) {
    return store.find(id).orElseThrow(() -> new NotFoundException("submission " + id));
  }

  // ---- erasure --------------------------------------------------------------------------------

  /**
   * Erases everything of a participant in every campaign: their submissions and reactions are
   * deleted from the store, and listeners (such as aggregation) remove their contribution.
   *
   * @param participant the participant
   * @return how many submissions were erased
   */
  public int eraseParticipant(ParticipantId participant) {
    if (participant == null) {
      throw new InvalidInputException("participant", "must not be null");
    }
    List<Submission> theirs = new ArrayList<>();
    for (Campaign campaign : store.listCampaigns()) {
      try (Stream<Submission> s =
          store.stream(SubmissionFilter.builder(campaign.id()).participant(participant).build())) {
        s.forEach(theirs::add);
      }
    }
    int erased = store.eraseParticipant(participant);
    notify(l -> l.onErased(participant, List.copyOf(theirs)));
    return erased;
  }

  // ---- listeners and lifecycle ----------------------------------------------------------------

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

  private void notify(Consumer<SpiritListener> event) {
    for (SpiritListener listener : listeners) {
      try {
        event.accept(listener);
      } catch (RuntimeException e) {
        LOG.warn("listener {} failed; the operation itself succeeded", listener, e);
      }
    }
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
     * Screens new submissions with this moderator (default: {@link Moderator#NONE}).
     *
     * @param value the moderator, e.g. a moderation pipeline
     * @return this builder
     */
    public Builder moderator(Moderator value) {
      this.moderator = value;
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
