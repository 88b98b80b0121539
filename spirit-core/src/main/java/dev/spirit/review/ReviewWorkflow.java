package dev.spirit.review;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.CampaignId;
import dev.spirit.error.IllegalTransitionException;
import dev.spirit.error.InvalidInputException;
import dev.spirit.error.NotFoundException;
import dev.spirit.error.NotPermittedException;
import dev.spirit.error.VersionConflictException;
import dev.spirit.event.SpiritListener;
import dev.spirit.event.internal.Listeners;
import dev.spirit.moderation.CampaignLexicon;
import dev.spirit.moderation.ModerationPipeline;
import dev.spirit.moderation.Moderator;
import dev.spirit.participant.ParticipantId;
import dev.spirit.storage.Page;
import dev.spirit.storage.PageCursor;
import dev.spirit.storage.PageRequest;
import dev.spirit.storage.SpiritStore;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.submission.AuditEntry;
import dev.spirit.submission.ModerationDecision;
import dev.spirit.submission.ModerationReason;
import dev.spirit.submission.ModerationRecord;
import dev.spirit.submission.Reaction;
import dev.spirit.submission.ReactionType;
import dev.spirit.submission.ReviewLease;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import dev.spirit.submission.SubmissionStatus;
import dev.spirit.submission.TextSpan;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The review workflow after intake: status changes (by moderators, by the author's withdrawal, by
 * reports reaching the campaign's threshold), endorsements and reports, appeals and redaction.
 * Every status change is recorded in the audit log and told to listeners. Get it from {@code
 * Spirit.review()}; thread-safe.
 */
public final class ReviewWorkflow {
  private static final Logger LOG = LoggerFactory.getLogger(ReviewWorkflow.class);

  private final SpiritStore store;
  private final Clock clock;
  private final List<SpiritListener> listeners;
  private final Function<Campaign, Moderator> contentRules;

  /**
   * Creates the workflow over a store, without content rules for {@link #remoderate} (which then
   * finds nothing to change).
   *
   * @param store the store
   * @param clock the clock giving the times recorded
   * @param listeners the listeners told about changes (a live, thread-safe list)
   */
  public ReviewWorkflow(SpiritStore store, Clock clock, List<SpiritListener> listeners) {
    this(store, clock, listeners, campaign -> ModerationPipeline.of());
  }

  /**
   * Creates the workflow over a store ({@code Spirit} builds one).
   *
   * @param store the store
   * @param clock the clock giving the times recorded
   * @param listeners the listeners told about changes (a live, thread-safe list)
   * @param contentRules for a campaign, the content rules {@link #remoderate} runs (its current
   *     lexicon, personal data, quality; no stream rules)
   */
  public ReviewWorkflow(
      SpiritStore store,
      Clock clock,
      List<SpiritListener> listeners,
      Function<Campaign, Moderator> contentRules) {
    this.store = store;
    this.clock = clock;
    this.listeners = listeners;
    this.contentRules = contentRules;
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
    audit(current, changed, actor, reason);
    Listeners.tell(listeners, l -> l.onStatusChanged(current, changed));
    tellIfLeaseLapsed(current, changed, clock.instant());
    return changed;
  }

  /**
   * Tells listeners that {@code before}'s lease had lapsed at {@code now}, if it had: the claim or
   * decision that stored {@code after} replaced or cleared it. {@link ReviewQueue} calls it too.
   */
  void tellIfLeaseLapsed(Submission before, Submission after, Instant now) {
    before
        .reviewLease()
        .filter(lease -> !lease.isActiveAt(now))
        .ifPresent(lapsed -> Listeners.tell(listeners, l -> l.onLeaseExpired(after, lapsed)));
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
    return applyStatus(
        current, SubmissionStatus.WITHDRAWN, AuditEntry.ACTOR_PARTICIPANT, "withdrawn");
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
    if (!current.visibleToPublic()) {
      throw new NotPermittedException(
          "submission " + id + " is not public: its participant did not allow publication");
    }
    Reaction endorsement =
        new Reaction(
            id, current.campaignId(), by, ReactionType.ENDORSE, Optional.empty(), clock.instant());
    boolean added = store.addReaction(endorsement);
    if (added) {
      Listeners.tell(listeners, l -> l.onEndorsed(current, endorsement));
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
    Listeners.tell(listeners, l -> l.onReported(current, report, reports));
    int threshold =
        store.findCampaign(current.campaignId()).map(c -> c.rules().reportThreshold()).orElse(1);
    if (reports >= threshold && current.status() == SubmissionStatus.APPROVED) {
      try {
        Submission hidden =
            applyStatus(
                current,
                SubmissionStatus.HIDDEN,
                AuditEntry.ACTOR_REPORTS,
                reports + " distinct reports reached the threshold of " + threshold);
        Listeners.tell(listeners, l -> l.onAutoHidden(hidden, reports));
      } catch (VersionConflictException e) {
        // Someone else changed it first (a moderator, or a concurrent report that hid it).
        LOG.debug("submission {} changed while being hidden by reports", id, e);
      }
    }
    return true;
  }

  /**
   * Asks for a rejected or hidden submission (rejected by a moderator, or taken down after reports
   * or re-moderation) to be reviewed again. Each submission may be appealed once, by its author; it
   * becomes pending, so it is back in the review queue with its audit history, the audit log
   * records the appeal and its reason, and listeners hear {@code onAppealed}.
   *
   * @param id the submission
   * @param author the participant asking
   * @param reason why, in their words
   * @return the stored, pending submission
   * @throws NotFoundException if there is no such submission
   * @throws NotPermittedException if {@code author} did not give it, it is neither rejected nor
   *     hidden, or it was already appealed
   */
  public Submission appeal(SubmissionId id, ParticipantId author, String reason) {
    if (reason == null) {
      throw new InvalidInputException("reason", "must not be null");
    }
    Submission current = requireSubmission(id);
    if (!current.participant().id().equals(author)) {
      throw new NotPermittedException("only the author may appeal submission " + id);
    }
    if (current.status() != SubmissionStatus.REJECTED
        && current.status() != SubmissionStatus.HIDDEN) {
      throw new NotPermittedException(
          "submission "
              + id
              + " is "
              + current.status()
              + "; only rejected or hidden ones can be appealed");
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
    audit(current, changed, AuditEntry.ACTOR_PARTICIPANT, "appeal: " + reason);
    Listeners.tell(listeners, l -> l.onStatusChanged(current, changed));
    Listeners.tell(listeners, l -> l.onAppealed(changed, reason));
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
    audit(current, changed, actor, "redacted: " + reason);
    return changed;
  }

  /**
   * Checks a campaign's public submissions again with its current content rules (after a lexicon
   * change, say) and takes down for review those that now match: each goes from {@code APPROVED} to
   * {@code HIDDEN} (the status of a published submission taken down pending a decision, as reports
   * do), with the new moderation record (its reasons and rule versions, the lexicon's among them)
   * and an audit entry naming the lexicon version. A person then decides; nothing is rejected
   * automatically after publication.
   *
   * <p>The content rules are the campaign's stored lexicon (read afresh from the store), personal
   * data and quality, as the instance's moderator configures them. The stream rules (rate,
   * near-duplicates and floods) are not run: they judge a submission against those that arrived
   * around it, which means nothing after the fact. A personal-data finding that only masks text
   * changes nothing here; a record's earlier redaction is kept.
   *
   * <p>Submissions are read page by page; one that changes concurrently is left as it is and
   * counted as skipped.
   *
   * @param campaignId the campaign
   * @param actor who asked for it (recorded in the audit log)
   * @return what was checked and what was taken down
   * @throws NotFoundException if there is no such campaign
   */
  public RemoderationSummary remoderate(CampaignId campaignId, String actor) {
    dev.spirit.text.Texts.requireLabel("actor", actor, 128);
    Campaign campaign =
        store
            .findCampaign(campaignId)
            .orElseThrow(() -> new NotFoundException("campaign " + campaignId));
    Moderator rules = contentRules.apply(campaign);
    Optional<CampaignLexicon> lexicon = store.findLexicon(campaignId);
    String lexiconName =
        lexicon.map(l -> "revision " + l.revision() + " (" + l.version() + ")").orElse("none");
    SubmissionFilter approved =
        SubmissionFilter.builder(campaignId).status(SubmissionStatus.APPROVED).build();
    long scanned = 0;
    long unchanged = 0;
    long skipped = 0;
    List<SubmissionId> sent = new ArrayList<>();
    PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
    while (true) {
      Page<Submission> found = store.query(approved, page);
      for (Submission s : found.items()) {
        scanned++;
        ModerationRecord record = rules.moderate(s, campaign);
        if (record.decision() == ModerationDecision.APPROVE) {
          unchanged++;
          continue;
        }
        if (takeDown(s, record, actor, lexiconName)) {
          sent.add(s.id());
        } else {
          skipped++;
        }
      }
      Optional<PageCursor> next = found.next();
      if (next.isEmpty()) {
        break;
      }
      page = PageRequest.after(next.get(), PageRequest.MAX_LIMIT);
    }
    return new RemoderationSummary(
        campaignId,
        lexicon.map(CampaignLexicon::revision),
        lexicon.map(CampaignLexicon::version),
        scanned,
        sent,
        unchanged,
        skipped);
  }

  private boolean takeDown(
      Submission current, ModerationRecord found, String actor, String lexiconName) {
    // Decided now, not when it was received; an earlier redaction stays unless this one masks.
    ModerationRecord record =
        new ModerationRecord(
            found.decision(),
            found.reasons(),
            found.ruleVersions(),
            found.redactedText().isPresent()
                ? found.redactedText()
                : current.moderation().flatMap(ModerationRecord::redactedText),
            clock.instant());
    Set<String> codes = new LinkedHashSet<>();
    for (ModerationReason r : found.reasons()) {
      if (r.decision() != ModerationDecision.APPROVE) {
        codes.add(r.code());
      }
    }
    Submission changed;
    try {
      changed =
          store.update(
              current.toBuilder()
                  .status(SubmissionStatus.HIDDEN)
                  .moderation(Optional.of(record))
                  .reviewLease(Optional.empty())
                  .build());
    } catch (VersionConflictException | NotFoundException e) {
      LOG.debug("submission {} changed while being re-moderated", current.id(), e);
      return false;
    }
    audit(
        current,
        changed,
        actor,
        "re-moderated with lexicon " + lexiconName + ": " + String.join(", ", codes));
    Listeners.tell(listeners, l -> l.onStatusChanged(current, changed));
    return true;
  }

  private Submission requireSubmission(SubmissionId id) {
    return store.find(id).orElseThrow(() -> new NotFoundException("submission " + id));
  }

  /**
   * Records a change of one submission in its campaign's audit log, with the holder of the review
   * lease it had (so the log says whose claim the decision ended).
   */
  private void audit(Submission before, Submission after, String actor, String reason) {
    store.appendAudit(
        new AuditEntry(
            after.campaignId(),
            after.id(),
            actor,
            clock.instant(),
            before.status(),
            after.status(),
            reason,
            before.reviewLease().map(ReviewLease::moderator),
            Optional.empty()));
  }
}
