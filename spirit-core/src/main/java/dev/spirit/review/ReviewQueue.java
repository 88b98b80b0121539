package dev.spirit.review;

import dev.spirit.Spirit;
import dev.spirit.campaign.CampaignId;
import dev.spirit.error.InvalidInputException;
import dev.spirit.error.LeaseException;
import dev.spirit.error.NotFoundException;
import dev.spirit.error.NotPermittedException;
import dev.spirit.error.SpiritException;
import dev.spirit.error.StorageException;
import dev.spirit.error.VersionConflictException;
import dev.spirit.storage.ClaimedSubmission;
import dev.spirit.storage.Page;
import dev.spirit.storage.PageCursor;
import dev.spirit.storage.PageRequest;
import dev.spirit.storage.SpiritCodec;
import dev.spirit.submission.AuditEntry;
import dev.spirit.submission.ReviewLease;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import dev.spirit.submission.SubmissionStatus;
import dev.spirit.submission.TextSpan;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The human review queue of a {@link Spirit} instance: list what needs review, claim items with a
 * lease so two moderators don't review the same one, decide one by one or in bulk, mask parts of a
 * text (edit by redaction), and export the audit log.
 *
 * <p>Concurrency: every change goes through the store's optimistic versioning. Two moderators who
 * claim the same item at the same time both read version {@code v} and both try to store {@code v +
 * 1}; the store lets exactly one succeed, and the other's claim returns empty. {@link #claimNext}
 * uses the store's {@link dev.spirit.storage.SpiritStore#claimUnleased} primitive, which on
 * PostgreSQL and MariaDB takes a page of free items in one locking statement ({@code FOR UPDATE
 * SKIP LOCKED}), so moderators working the same queue get disjoint pages without waiting for each
 * other. A lease lapses by itself after the lease duration, so an item claimed by someone who went
 * home returns to the queue; a moderator still working renews their leases ({@link #renew}) and
 * releases what they did not decide ({@link #release}).
 *
 * <p>Every decision needs a live lease held by the deciding moderator: a decision on an item they
 * never claimed, whose lease lapsed, or that someone else holds is refused with a {@link
 * LeaseException} saying which. Every decision clears the lease and is appended to the audit log by
 * {@link ReviewWorkflow#changeStatus}.
 *
 * <p>Thread-safe; holds no state besides its settings.
 */
public final class ReviewQueue {
  /** Default lease duration: 15 minutes. */
  public static final Duration DEFAULT_LEASE = Duration.ofMinutes(15);

  private final Spirit spirit;
  private final Duration lease;

  /**
   * A queue with the default lease duration.
   *
   * @param spirit the instance whose submissions are reviewed
   */
  public ReviewQueue(Spirit spirit) {
    this(spirit, DEFAULT_LEASE);
  }

  /**
   * A queue with a given lease duration.
   *
   * @param spirit the instance whose submissions are reviewed
   * @param lease how long a claim holds
   */
  public ReviewQueue(Spirit spirit, Duration lease) {
    if (spirit == null) {
      throw new InvalidInputException("spirit", "must not be null");
    }
    if (lease == null || lease.isNegative() || lease.isZero()) {
      throw new InvalidInputException("lease", "must be a positive duration, was " + lease);
    }
    this.spirit = spirit;
    this.lease = lease;
  }

  /**
   * One page of the submissions matching a filter, oldest first (keyset pagination, as {@link
   * Spirit#submissions}).
   *
   * @param filter which submissions
   * @param page which page
   * @return the page
   */
  public Page<Submission> list(ReviewFilter filter, PageRequest page) {
    Instant now = spirit.clock().instant();
    List<Submission> items = new ArrayList<>(page.limit());
    Optional<PageCursor> after = page.after();
    while (true) {
      Page<Submission> batch =
          spirit
              .submissions()
              .page(filter.storeFilter(), new PageRequest(after, PageRequest.MAX_LIMIT));
      for (Submission s : batch.items()) {
        if (filter.matches(s, now)) {
          items.add(s);
          if (items.size() == page.limit()) {
            return new Page<>(items, Optional.of(new PageCursor(s.id())));
          }
        }
      }
      if (batch.next().isEmpty()) {
        return new Page<>(items, Optional.empty());
      }
      after = batch.next();
    }
  }

  /**
   * Counts the submissions matching a filter.
   *
   * @param filter which submissions
   * @return how many
   */
  public long count(ReviewFilter filter) {
    Instant now = spirit.clock().instant();
    try (Stream<Submission> s = spirit.submissions().stream(filter.storeFilter())) {
      return s.filter(x -> filter.matches(x, now)).count();
    }
  }

  /**
   * Claims a submission for review, or renews one's own claim.
   *
   * @param id the submission
   * @param moderator who claims it
   * @return the stored submission with the moderator's lease, or empty if someone else holds an
   *     active lease or claimed it at the same moment
   * @throws NotFoundException if there is no such submission
   * @throws NotPermittedException if it is not pending or hidden
   */
  public Optional<Submission> claim(SubmissionId id, String moderator) {
    Submission current = require(id);
    if (current.status() != SubmissionStatus.PENDING
        && current.status() != SubmissionStatus.HIDDEN) {
      throw new NotPermittedException(
          "submission "
              + id
              + " is "
              + current.status()
              + "; only pending or hidden ones are reviewed");
    }
    Instant now = spirit.clock().instant();
    if (heldByOther(current, moderator, now)) {
      return Optional.empty();
    }
    ReviewLease claim = new ReviewLease(moderator, now.plus(lease));
    Submission claimed;
    try {
      claimed = spirit.store().update(current.toBuilder().reviewLease(Optional.of(claim)).build());
    } catch (VersionConflictException e) {
      return Optional.empty();
    }
    spirit.review().tellIfLeaseLapsed(current, claimed, now);
    return Optional.of(claimed);
  }

  /**
   * Claims up to {@code max} unclaimed submissions matching a filter, oldest first.
   *
   * @param filter which submissions
   * @param moderator who claims them
   * @param max at most this many
   * @return the claimed submissions
   */
  public List<Submission> claimNext(ReviewFilter filter, String moderator, int max) {
    if (max < 1) {
      throw new InvalidInputException("max", "must be at least 1, was " + max);
    }
    if (filter.reasonCode().isEmpty()) {
      // Everything the filter asks can be said to the store: one claiming call (one locking
      // statement on PostgreSQL and MariaDB).
      Instant now = spirit.clock().instant();
      List<ClaimedSubmission> taken =
          spirit
              .store()
              .claimUnleased(
                  filter.storeFilter(), new ReviewLease(moderator, now.plus(lease)), now, max);
      List<Submission> claimed = new ArrayList<>(taken.size());
      for (ClaimedSubmission c : taken) {
        c.replaced()
            .ifPresent(
                lapsed ->
                    spirit
                        .review()
                        .tellIfLeaseLapsed(
                            c.submission().toBuilder().reviewLease(Optional.of(lapsed)).build(),
                            c.submission(),
                            now));
        claimed.add(c.submission());
      }
      return claimed;
    }
    List<Submission> claimed = new ArrayList<>();
    ReviewFilter unclaimed =
        new ReviewFilter(
            filter.campaignId(),
            filter.statuses(),
            filter.district(),
            filter.channel(),
            filter.reasonCode(),
            true);
    Optional<PageCursor> after = Optional.empty();
    while (claimed.size() < max) {
      Page<Submission> page = list(unclaimed, new PageRequest(after, Math.min(max * 2, 1000)));
      for (Submission s : page.items()) {
        claim(s.id(), moderator).ifPresent(claimed::add);
        if (claimed.size() == max) {
          break;
        }
      }
      if (page.next().isEmpty()) {
        break;
      }
      after = page.next();
    }
    return claimed;
  }

  /**
   * Renews one's own live lease on a submission, for another lease duration from now (a moderator
   * still working on a page calls this before the leases lapse).
   *
   * @param id the submission
   * @param moderator who holds the lease
   * @return the stored submission with the renewed lease
   * @throws NotFoundException if there is no such submission
   * @throws LeaseException if the moderator holds no live lease on it (never claimed, lapsed, or
   *     held by someone else)
   * @throws VersionConflictException if it changed concurrently
   */
  public Submission renew(SubmissionId id, String moderator) {
    Submission current = require(id);
    requireLiveLease(current, moderator);
    ReviewLease renewed = new ReviewLease(moderator, spirit.clock().instant().plus(lease));
    return spirit.store().update(current.toBuilder().reviewLease(Optional.of(renewed)).build());
  }

  /**
   * Gives up one's claim.
   *
   * @param id the submission
   * @param moderator who holds the lease
   * @return the stored submission without lease
   * @throws NotPermittedException if someone else holds an active lease on it
   */
  public Submission release(SubmissionId id, String moderator) {
    Submission current = require(id);
    if (heldByOther(current, moderator, spirit.clock().instant())) {
      throw new NotPermittedException(
          "submission " + id + " is claimed by " + current.reviewLease().orElseThrow().moderator());
    }
    if (current.reviewLease().isEmpty()) {
      return current;
    }
    return spirit.store().update(current.toBuilder().reviewLease(Optional.empty()).build());
  }

  /**
   * Decides about one submission.
   *
   * @param id the submission
   * @param expectedVersion the version the moderator looked at
   * @param moderator who decides
   * @param decision approve, reject or hide
   * @param reason why (required to reject)
   * @return the stored submission
   * @throws LeaseException if the moderator holds no live lease on it (never claimed, lapsed, or
   *     held by someone else)
   * @throws VersionConflictException if it changed since {@code expectedVersion}
   * @throws dev.spirit.error.IllegalTransitionException if its status cannot move there
   */
  public Submission decide(
      SubmissionId id,
      long expectedVersion,
      String moderator,
      ReviewDecision decision,
      String reason) {
    if (decision == ReviewDecision.REJECT && (reason == null || reason.isBlank())) {
      throw new InvalidInputException("reason", "a rejection needs a reason");
    }
    Submission current = require(id);
    requireLiveLease(current, moderator);
    return spirit
        .review()
        .changeStatus(
            id, expectedVersion, decision.target(), moderator, reason == null ? "" : reason);
  }

  /**
   * Masks parts of a submission's public text and approves it (edit by redaction).
   *
   * @param id the submission
   * @param expectedVersion the version the moderator looked at
   * @param moderator who decides
   * @param spans ranges of the original text to mask
   * @param reason why
   * @return the stored, approved submission
   * @throws LeaseException if the moderator holds no live lease on it (never claimed, lapsed, or
   *     held by someone else)
   * @throws VersionConflictException if it changed since {@code expectedVersion}
   */
  public Submission approveRedacted(
      SubmissionId id,
      long expectedVersion,
      String moderator,
      List<TextSpan> spans,
      String reason) {
    Submission current = require(id);
    requireLiveLease(current, moderator);
    Submission redacted = spirit.review().redact(id, expectedVersion, spans, moderator, reason);
    return spirit
        .review()
        .changeStatus(
            id,
            redacted.version(),
            SubmissionStatus.APPROVED,
            moderator,
            "approved after redaction");
  }

  /**
   * Decides about the submissions of a page as the moderator saw them: each is decided only if it
   * is still at the version shown and the moderator holds or can take its lease (each is claimed,
   * or its lease renewed, just before its decision); others are skipped.
   *
   * @param page the submissions as listed
   * @param moderator who decides
   * @param decision the decision for all of them
   * @param reason why
   * @return what was decided and what was skipped
   */
  public BulkResult decideAll(
      List<Submission> page, String moderator, ReviewDecision decision, String reason) {
    List<SubmissionId> decided = new ArrayList<>();
    Map<SubmissionId, String> skipped = new LinkedHashMap<>();
    for (Submission s : page) {
      try {
        Submission current = require(s.id());
        if (current.version() != s.version()) {
          throw new VersionConflictException(
              "submission " + s.id(), s.version(), current.version());
        }
        Optional<Submission> claimed = claim(s.id(), moderator);
        if (claimed.isEmpty()) {
          skipped.put(s.id(), heldMessage(require(s.id()), spirit.clock().instant()));
          continue;
        }
        decide(s.id(), claimed.get().version(), moderator, decision, reason);
        decided.add(s.id());
      } catch (SpiritException e) {
        skipped.put(s.id(), e.getMessage());
      }
    }
    return new BulkResult(decided, skipped);
  }

  /**
   * Decides about every submission matching a filter now (a spam wave: all {@code flood} items of a
   * campaign). Items claimed by other moderators or changed concurrently are skipped.
   *
   * @param filter which submissions
   * @param moderator who decides
   * @param decision the decision for all of them
   * @param reason why
   * @return what was decided and what was skipped
   */
  public BulkResult decideMatching(
      ReviewFilter filter, String moderator, ReviewDecision decision, String reason) {
    List<Submission> all = new ArrayList<>();
    Instant now = spirit.clock().instant();
    try (Stream<Submission> s = spirit.submissions().stream(filter.storeFilter())) {
      s.filter(x -> filter.matches(x, now)).forEach(all::add);
    }
    return decideAll(all, moderator, decision, reason);
  }

  /**
   * Writes a campaign's audit log as CSV (RFC 4180; header {@code
   * campaign_id,submission_id,actor,at,from,to,reason}), in the order it was appended.
   *
   * @param campaignId the campaign
   * @param out where to write
   * @return how many entries were written
   * @throws StorageException if writing fails
   */
  public long exportAuditCsv(CampaignId campaignId, Appendable out) {
    long[] n = {0};
    try {
      out.append("campaign_id,submission_id,actor,at,from,to,reason\r\n");
      try (Stream<AuditEntry> entries = spirit.store().streamAudit(campaignId)) {
        for (AuditEntry e : (Iterable<AuditEntry>) entries::iterator) {
          out.append(csv(e.campaignId().toString()))
              .append(',')
              .append(csv(e.submissionId().toString()))
              .append(',')
              .append(csv(e.actor()))
              .append(',')
              .append(e.at().toString())
              .append(',')
              .append(e.from().name())
              .append(',')
              .append(e.to().name())
              .append(',')
              .append(csv(e.reason()))
              .append("\r\n");
          n[0]++;
        }
      }
    } catch (IOException e) {
      throw new StorageException("cannot write the audit export of campaign " + campaignId, e);
    }
    return n[0];
  }

  /**
   * Writes a campaign's audit log as JSON lines (one entry per line, Spirit's canonical JSON).
   *
   * @param campaignId the campaign
   * @param out where to write
   * @return how many entries were written
   * @throws StorageException if writing fails
   */
  public long exportAuditJsonLines(CampaignId campaignId, Appendable out) {
    long n = 0;
    try (Stream<AuditEntry> entries = spirit.store().streamAudit(campaignId)) {
      for (AuditEntry e : (Iterable<AuditEntry>) entries::iterator) {
        out.append(SpiritCodec.toJson(e)).append('\n');
        n++;
      }
    } catch (IOException e) {
      throw new StorageException("cannot write the audit export of campaign " + campaignId, e);
    }
    return n;
  }

  private static String csv(String value) {
    boolean quote =
        value.indexOf(',') >= 0
            || value.indexOf('"') >= 0
            || value.indexOf('\n') >= 0
            || value.indexOf('\r') >= 0;
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }

  private Submission require(SubmissionId id) {
    return spirit
        .submissions()
        .find(id)
        .orElseThrow(() -> new NotFoundException("submission " + id));
  }

  private static boolean heldByOther(Submission s, String moderator, Instant now) {
    return s.reviewLease()
        .map(l -> l.isActiveAt(now) && !l.moderator().equals(moderator))
        .orElse(false);
  }

  /** Refuses unless {@code moderator} holds a lease on {@code s} that is active now. */
  private void requireLiveLease(Submission s, String moderator) {
    Instant now = spirit.clock().instant();
    Optional<ReviewLease> held = s.reviewLease();
    if (held.isEmpty()) {
      throw new LeaseException(
          LeaseException.Reason.NOT_CLAIMED,
          "submission " + s.id() + " is not claimed by " + moderator + "; claim it first");
    }
    ReviewLease l = held.get();
    if (!l.moderator().equals(moderator)) {
      if (l.isActiveAt(now)) {
        throw new LeaseException(LeaseException.Reason.HELD_BY_OTHER, heldMessage(s, now));
      }
      throw new LeaseException(
          LeaseException.Reason.NOT_CLAIMED,
          "submission "
              + s.id()
              + " is not claimed by "
              + moderator
              + " (the lease of "
              + l.moderator()
              + " lapsed at "
              + l.expiresAt()
              + "); claim it first");
    }
    if (!l.isActiveAt(now)) {
      throw new LeaseException(
          LeaseException.Reason.EXPIRED,
          "the lease of "
              + moderator
              + " on submission "
              + s.id()
              + " lapsed at "
              + l.expiresAt()
              + "; claim it again before deciding");
    }
  }

  private static String heldMessage(Submission s, Instant now) {
    return s.reviewLease()
        .filter(l -> l.isActiveAt(now))
        .map(
            l ->
                "submission "
                    + s.id()
                    + " is claimed by "
                    + l.moderator()
                    + " until "
                    + l.expiresAt())
        .orElse("submission " + s.id() + " changed while being claimed");
  }
}
