package dev.spirit.storage;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.CampaignId;
import dev.spirit.error.AlreadyExistsException;
import dev.spirit.error.NotFoundException;
import dev.spirit.error.StorageException;
import dev.spirit.error.VersionConflictException;
import dev.spirit.kiosk.KioskCredential;
import dev.spirit.moderation.CampaignLexicon;
import dev.spirit.moderation.LexiconChange;
import dev.spirit.moderation.state.ModerationState;
import dev.spirit.participant.ParticipantId;
import dev.spirit.submission.AuditEntry;
import dev.spirit.submission.IdempotencyKey;
import dev.spirit.submission.Reaction;
import dev.spirit.submission.ReactionType;
import dev.spirit.submission.ReviewLease;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The storage SPI: the primitives a backend implements. Every rule is written once in core on top
 * of them; a backend stores and finds immutable records, reports what it found, and keeps the few
 * atomicity promises below. {@code spirit-storage-tck} checks every promise.
 *
 * <p><b>Decisions in core, storage in backends.</b> Writes are conditional-write primitives ({@code
 * storeNew…}, {@code replace…}, {@link #storeReaction}) that return what the backend found ({@link
 * WriteResult}, {@link SubmissionWrite}, {@link ReactionWrite}); the record-level methods callers
 * use ({@link #insertCampaign}, {@link #updateCampaign}, {@link #insert}, {@link #insertAll},
 * {@link #update}, {@link #addReaction}) are default methods that apply core's rules: they choose
 * the version to store, validate the arguments, and turn each finding into the outcome, exception
 * and message the caller sees. Backends must not override them (an architecture rule checks it).
 *
 * <p>Storing a new submission, the one multi-step rule, is decided in this order, atomically with
 * the write (the backend's part is steps 1 to 4, core's part is step 5):
 *
 * <ol>
 *   <li>a submission with the same id is stored: {@link SubmissionWrite.IdTaken};
 *   <li>it has an idempotency key and the campaign already has a submission with that key: {@link
 *       SubmissionWrite.KeyTaken} with the existing one;
 *   <li>the participant already has {@code maxPerParticipant} or more submissions in the campaign
 *       (any status): {@link SubmissionWrite.AtLimit} with their count;
 *   <li>otherwise the submission is stored as handed in (version 1): {@link
 *       SubmissionWrite.Stored};
 *   <li>core maps these to {@link dev.spirit.error.AlreadyExistsException}, {@link
 *       InsertOutcome.Duplicate}, {@link InsertOutcome.LimitReached} and {@link
 *       InsertOutcome.Inserted}.
 * </ol>
 *
 * <p>Why conditional writes rather than a unit of work handing core a read/write accessor: each
 * backend already has a cheap native way to make one condition-plus-write atomic (a lock held
 * around in-memory checks and an append, with the fsync after it is released, in the file store; a
 * conditional {@code UPDATE}, a counter-row lock or a unique constraint inside one transaction in
 * JDBC, which also holds across several processes on one database), and batches keep their
 * set-at-a-time look-ups. A unit of work would make core's reads round-trips inside the backend's
 * critical section and force every backend to expose transactions.
 *
 * <p>Implementations must be safe for concurrent use by many threads. Every method may throw {@link
 * StorageException} when the backend itself fails; then nothing was changed unless the method says
 * otherwise. Backends throw no other exception for a rule violation: they report it in the result.
 * Values passed in are already validated by their constructors.
 */
public interface SpiritStore extends AutoCloseable {

  // ---- campaigns ------------------------------------------------------------------------------

  /**
   * Primitive: stores a new campaign exactly as handed in, unless its id or slug is taken
   * (atomically: of two concurrent writes with one slug, one is stored).
   *
   * @param first the campaign, already carrying version 1
   * @return {@link WriteResult.Stored}, {@link WriteResult.IdTaken} (checked first) or {@link
   *     WriteResult.SlugTaken}
   */
  WriteResult<Campaign> storeNewCampaign(Campaign first);

  /**
   * Primitive: replaces a campaign if its stored version is {@code expectedVersion} and its slug,
   * if changed, is free (atomically).
   *
   * @param next the new state, already carrying {@code expectedVersion + 1}
   * @param expectedVersion the version it must replace
   * @return {@link WriteResult.Stored}, {@link WriteResult.Missing}, {@link WriteResult.VersionWas}
   *     or {@link WriteResult.SlugTaken}, checked in this order
   */
  WriteResult<Campaign> replaceCampaign(Campaign next, long expectedVersion);

  /**
   * Stores a new campaign with version 1 (core's rule over {@link #storeNewCampaign}).
   *
   * @param campaign the campaign (its version is ignored)
   * @return the stored campaign, version 1
   * @throws AlreadyExistsException if its id or slug is taken
   */
  default Campaign insertCampaign(Campaign campaign) {
    return StoreRules.insertCampaign(this, campaign);
  }

  /**
   * Replaces a campaign if its stored version is {@code changed.version()} (core's rule over {@link
   * #replaceCampaign}).
   *
   * @param changed the new state of the campaign, carrying the version it was based on
   * @return the stored campaign with the next version
   * @throws NotFoundException if there is no such campaign
   * @throws VersionConflictException if the stored version differs
   * @throws AlreadyExistsException if its new slug is taken
   */
  default Campaign updateCampaign(Campaign changed) {
    return StoreRules.updateCampaign(this, changed);
  }

  /**
   * Finds a campaign by id.
   *
   * @param id the id
   * @return the campaign, or empty
   */
  Optional<Campaign> findCampaign(CampaignId id);

  /**
   * Finds a campaign by its slug (unique in a store). The default scans {@link #listCampaigns}; a
   * database backend looks the slug up by its index.
   *
   * @param slug the slug
   * @return the campaign, or empty
   */
  default Optional<Campaign> findCampaignBySlug(String slug) {
    for (Campaign c : listCampaigns()) {
      if (c.slug().equals(slug)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /**
   * Lists every campaign, oldest first.
   *
   * @return all campaigns
   */
  List<Campaign> listCampaigns();

  // ---- submissions ----------------------------------------------------------------------------

  /**
   * Primitive: stores a new submission exactly as handed in, unless one of the conditions of the
   * algorithm above holds; checks and write are atomic together. Concurrent calls must not both
   * pass a check: with a limit of 100, any number of threads (or processes, where the backend is
   * shared) storing for one participant store exactly 100; of concurrent calls with one idempotency
   * key, exactly one is stored and the others find it.
   *
   * @param first the submission, already carrying version 1
   * @param maxPerParticipant the campaign's per-participant limit, at least 1
   * @return what the backend found or stored
   */
  SubmissionWrite storeNewSubmission(Submission first, int maxPerParticipant);

  /**
   * Primitive: stores many new submissions as if by {@link #storeNewSubmission} for each in order
   * (a later one sees the earlier ones of the batch), as efficiently as the backend can (one
   * transaction, one fsync). The ids in the batch are distinct. The result has one entry per
   * submission, unless an id is already stored: then it may end early with a {@link
   * SubmissionWrite.IdTaken} naming that id, and none of the batch, or only a prefix of it, was
   * stored. If it throws, none or only a prefix was stored.
   *
   * @param first the submissions, each already carrying version 1
   * @param maxPerParticipant the campaign's per-participant limit, at least 1
   * @return what the backend found or stored, in order
   */
  default List<SubmissionWrite> storeNewSubmissions(List<Submission> first, int maxPerParticipant) {
    List<SubmissionWrite> found = new ArrayList<>(first.size());
    for (Submission s : first) {
      SubmissionWrite one = storeNewSubmission(s, maxPerParticipant);
      found.add(one);
      if (one instanceof SubmissionWrite.IdTaken) {
        break;
      }
    }
    return found;
  }

  /**
   * Primitive: replaces a submission if its stored version is {@code expectedVersion} (atomically).
   * Only status, moderation record, review lease and appeal flag change after intake; backends may
   * assume the other fields are unchanged.
   *
   * @param next the new state, already carrying {@code expectedVersion + 1}
   * @param expectedVersion the version it must replace
   * @return {@link WriteResult.Stored}, {@link WriteResult.Missing} or {@link
   *     WriteResult.VersionWas}
   */
  WriteResult<Submission> replaceSubmission(Submission next, long expectedVersion);

  /**
   * Stores a new submission with version 1, following the algorithm above (core's rule over {@link
   * #storeNewSubmission}).
   *
   * @param submission the submission (its version is ignored)
   * @param maxPerParticipant the campaign's per-participant limit, at least 1
   * @return what happened
   * @throws AlreadyExistsException if a submission with the same id exists
   * @throws dev.spirit.error.InvalidInputException if {@code maxPerParticipant} is below 1
   */
  default InsertOutcome insert(Submission submission, int maxPerParticipant) {
    return StoreRules.insert(this, submission, maxPerParticipant);
  }

  /**
   * Stores many submissions, as if by {@link #insert} for each in order, through {@link
   * #storeNewSubmissions}. If it throws, none or only a prefix was stored, and retrying the whole
   * batch with the same idempotency keys stores no duplicates.
   *
   * @param submissions the submissions
   * @param maxPerParticipant the campaign's per-participant limit, at least 1
   * @return one outcome per submission, in order
   * @throws AlreadyExistsException if an id is stored already or appears twice in the batch
   * @throws dev.spirit.error.InvalidInputException if {@code maxPerParticipant} is below 1
   */
  default List<InsertOutcome> insertAll(List<Submission> submissions, int maxPerParticipant) {
    return StoreRules.insertAll(this, submissions, maxPerParticipant);
  }

  /**
   * Replaces a submission if its stored version is {@code changed.version()} (core's rule over
   * {@link #replaceSubmission}).
   *
   * @param changed the new state, carrying the version it was based on
   * @return the stored submission with the next version
   * @throws NotFoundException if there is no such submission
   * @throws VersionConflictException if the stored version differs
   */
  default Submission update(Submission changed) {
    return StoreRules.update(this, changed);
  }

  /**
   * Primitive with a generic default: claims for review up to {@code max} submissions matching a
   * filter, oldest first, that carry no lease active at {@code now}. Each claimed one is stored
   * with {@code lease} and the next version. Of concurrent claimers (threads, or processes where
   * the backend is shared) each item goes to at most one, and a claimer does not wait for items
   * another is claiming: it takes the next free ones.
   *
   * <p>The default pages through {@link #query} and claims each free item with its own conditional
   * write ({@link #replaceSubmission}); an item changed or claimed concurrently is skipped. A
   * backend that can lock and skip rows natively (PostgreSQL and MariaDB / MySQL 8: {@code SELECT
   * ... FOR UPDATE SKIP LOCKED}) may override it with one transaction.
   *
   * @param filter which submissions (typically a campaign's pending ones)
   * @param lease the lease to store on each claimed submission
   * @param now the instant leases are judged at: a lease expiring at or before it is free
   * @param max at most this many, at least 1
   * @return the claimed submissions as stored, oldest first, each with the lapsed lease it replaced
   */
  default List<ClaimedSubmission> claimUnleased(
      SubmissionFilter filter, ReviewLease lease, Instant now, int max) {
    return StoreRules.claimUnleased(this, filter, lease, now, max);
  }

  /**
   * Finds a submission by id.
   *
   * @param id the id
   * @return the submission, or empty (also once erased)
   */
  Optional<Submission> find(SubmissionId id);

  /**
   * Finds the submission a campaign stored under an idempotency key.
   *
   * @param campaignId the campaign
   * @param key the key
   * @return the submission, or empty
   */
  Optional<Submission> findByIdempotencyKey(CampaignId campaignId, IdempotencyKey key);

  /**
   * Finds the submissions a campaign stored under any of several idempotency keys (intake's check
   * for a batch). The default asks {@link #findByIdempotencyKey} once per key; a database backend
   * answers with one query.
   *
   * @param campaignId the campaign
   * @param keys the keys
   * @return the stored submission of each key that has one
   */
  default Map<IdempotencyKey, Submission> findByIdempotencyKeys(
      CampaignId campaignId, Collection<IdempotencyKey> keys) {
    Map<IdempotencyKey, Submission> found = new HashMap<>();
    for (IdempotencyKey key : keys) {
      findByIdempotencyKey(campaignId, key).ifPresent(s -> found.put(key, s));
    }
    return found;
  }

  /**
   * Returns one page of the submissions matching a filter, in ascending id order, starting after
   * the request's cursor. Keyset pagination: a submission inserted during paging appears at most
   * once, and no submission that existed before paging started is skipped or repeated.
   *
   * @param filter which submissions
   * @param page which page
   * @return the page; its {@code next} is empty when no matching submission follows
   */
  Page<Submission> query(SubmissionFilter filter, PageRequest page);

  /**
   * Counts the submissions matching a filter.
   *
   * @param filter which submissions
   * @return how many
   */
  long count(SubmissionFilter filter);

  /**
   * Streams every submission matching a filter in ascending id order, without holding them all in
   * memory where the backend can avoid it. The caller must close the stream.
   *
   * @param filter which submissions
   * @return the stream
   */
  Stream<Submission> stream(SubmissionFilter filter);

  // ---- reactions and audit --------------------------------------------------------------------

  /**
   * Primitive: stores a reaction unless its submission does not exist or the same person already
   * reacted to it with the same type (atomically: of concurrent duplicates, one is stored).
   *
   * @param reaction the reaction
   * @return what the backend found or stored
   */
  ReactionWrite storeReaction(Reaction reaction);

  /**
   * Records a reaction unless it is a duplicate (core's rule over {@link #storeReaction}).
   *
   * @param reaction the reaction
   * @return true if stored, false if it was a duplicate
   * @throws NotFoundException if the submission does not exist
   */
  default boolean addReaction(Reaction reaction) {
    return StoreRules.addReaction(this, reaction);
  }

  /**
   * Counts reactions of one type to a submission (each person once).
   *
   * @param submissionId the submission
   * @param type the type
   * @return how many
   */
  long countReactions(SubmissionId submissionId, ReactionType type);

  /**
   * Streams every reaction in a campaign, oldest first. The caller must close the stream.
   *
   * @param campaignId the campaign
   * @return the stream
   */
  Stream<Reaction> streamReactions(CampaignId campaignId);

  /**
   * Appends an entry to the campaign's audit log, sealed into the campaign's hash chain: the store
   * calls {@link dev.spirit.submission.AuditChain#seal} with the campaign's last stored entry and
   * stores the sealed entry, atomically with respect to every other append to that campaign, also
   * from other instances on the same database (so the chain never forks). A seal the entry carries
   * is replaced. The seal, and the lease holder, come back from {@link #streamAudit} as stored.
   *
   * @param entry the entry
   */
  void appendAudit(AuditEntry entry);

  /**
   * Appends entries, in order, as {@link #appendAudit} would one by one (intake's entries for a
   * batch). The default calls {@link #appendAudit} for each; a database backend seals and stores
   * them in one transaction. Entries may be of several campaigns.
   *
   * @param entries the entries
   */
  default void appendAuditAll(List<AuditEntry> entries) {
    for (AuditEntry entry : entries) {
      appendAudit(entry);
    }
  }

  /**
   * Streams a campaign's audit log in the order it was appended. The caller must close the stream.
   *
   * @param campaignId the campaign
   * @return the stream
   */
  Stream<AuditEntry> streamAudit(CampaignId campaignId);

  // ---- campaign lexicons -----------------------------------------------------------------------

  /**
   * Primitive: stores the next revision of a campaign's lexicon if the campaign exists and its
   * current revision is {@code next.revision() - 1} (0: none yet), atomically (of two concurrent
   * writes of one revision, one is stored; where the backend is shared, across processes too). The
   * revision becomes the campaign's current lexicon and is added to its history; earlier revisions
   * stay in the history.
   *
   * @param next the revision, already carrying its number, version, time and author
   * @return {@link WriteResult.Stored}, {@link WriteResult.Missing} (no such campaign) or {@link
   *     WriteResult.VersionWas} with the current revision (0 if none), checked in this order
   */
  WriteResult<CampaignLexicon> storeLexicon(CampaignLexicon next);

  /**
   * Stores the next revision of a campaign's lexicon (core's rule over {@link #storeLexicon}).
   *
   * @param next the revision, numbered one after the revision it was based on
   * @return the stored revision
   * @throws NotFoundException if there is no such campaign
   * @throws VersionConflictException if another revision was stored since
   */
  default CampaignLexicon attachLexicon(CampaignLexicon next) {
    return StoreRules.attachLexicon(this, next);
  }

  /**
   * Finds the current (newest) revision of a campaign's lexicon.
   *
   * @param campaignId the campaign
   * @return the revision, or empty if the campaign has none (or does not exist)
   */
  Optional<CampaignLexicon> findLexicon(CampaignId campaignId);

  /**
   * The audit trail of a campaign's lexicon: one entry per stored revision, oldest first.
   *
   * @param campaignId the campaign
   * @return the entries; empty if it never had a lexicon
   */
  List<LexiconChange> lexiconHistory(CampaignId campaignId);

  // ---- moderation state -----------------------------------------------------------------------

  /**
   * The history the rate, duplicate and flood rules decide on, kept by this store: the in-memory
   * store keeps it in memory, a durable store across restarts, a shared database for every process
   * on it, so two instances behind a load balancer enforce one participant limit together. Always
   * the same instance for one store. Not a default method: a store shared by several processes that
   * silently handed out per-process memory would let each process allow the full limit. {@link
   * #eraseParticipant} also erases the participant's state.
   *
   * @return the store's moderation state
   */
  ModerationState moderationState();

  // ---- kiosk credentials ----------------------------------------------------------------------

  /**
   * Stores a kiosk credential, replacing the one with the same id if there is one (issuing stores a
   * new one, revoking replaces it with its revoked copy). Durable when it returns, as every write.
   *
   * @param credential the credential
   */
  void storeKiosk(KioskCredential credential);

  /**
   * Finds a kiosk credential by its token id.
   *
   * @param id the token id
   * @return the credential, or empty
   */
  Optional<KioskCredential> findKiosk(String id);

  /**
   * Every kiosk credential, in the order they were first stored (oldest first), each in its newest
   * state.
   *
   * @return the credentials
   */
  List<KioskCredential> listKiosks();

  // ---- erasure and lifecycle ------------------------------------------------------------------

  /**
   * Deletes everything of one participant, in every campaign: their submissions (with their
   * idempotency keys, their per-participant counts and the reactions to them), their own reactions
   * and their moderation state ({@link ModerationState#eraseParticipant}); the audit entries of
   * their submissions stay with the reason replaced by {@link AuditEntry#REASON_ERASED} ({@link
   * AuditEntry#erased()}), since a reason may quote them. Afterwards no method returns or counts
   * any of it, and once this returns none of it can be recovered from the store's own files or
   * tables either: a backend that only marks data deleted must remove it before returning, and a
   * crash during the call leaves either nothing erased or an erasure the backend completes when it
   * is next opened. (Backends document what their underlying medium may keep beyond that, such as
   * freed disk blocks or a database's dead rows.)
   *
   * @param participant the participant
   * @return how many submissions were deleted
   */
  int eraseParticipant(ParticipantId participant);

  /**
   * Deletes every submission of one campaign (a retention purge), with the same completeness as
   * {@link #eraseParticipant}: the submissions, their idempotency keys, the campaign's
   * per-participant counts and every reaction to them go; the campaign's audit entries stay with
   * the reason replaced by {@link AuditEntry#REASON_ERASED}. The campaign itself stays.
   *
   * @param campaignId the campaign
   * @return how many submissions were deleted (0 if it has none, or does not exist)
   */
  int eraseSubmissions(CampaignId campaignId);

  /**
   * Releases the store's resources (files, locks, connections). Further calls fail.
   *
   * @throws StorageException if resources could not be released cleanly
   */
  @Override
  void close();
}
