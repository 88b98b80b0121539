package dev.spirit.storage;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.CampaignId;
import dev.spirit.error.AlreadyExistsException;
import dev.spirit.error.NotFoundException;
import dev.spirit.error.StorageException;
import dev.spirit.error.VersionConflictException;
import dev.spirit.participant.ParticipantId;
import dev.spirit.submission.AuditEntry;
import dev.spirit.submission.IdempotencyKey;
import dev.spirit.submission.Reaction;
import dev.spirit.submission.ReactionType;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The storage SPI: the primitives a backend implements. Intake, moderation and aggregation are
 * written once in core on top of these; a backend stores and finds immutable records and keeps the
 * few promises below atomically. {@code spirit-storage-tck} checks every promise.
 *
 * <p>Implementations must be safe for concurrent use by many threads. Every method may throw {@link
 * StorageException} when the backend itself fails; then nothing was changed unless the method says
 * otherwise. Values passed in are already validated by their constructors.
 *
 * <p>Versions: a record handed to an {@code insert} method is stored with version 1; an update must
 * carry the currently stored version and is stored with that version plus one.
 */
public interface SpiritStore extends AutoCloseable {

  // ---- campaigns ------------------------------------------------------------------------------

  /**
   * Stores a new campaign.
   *
   * @param campaign the campaign (its version is ignored)
   * @return the stored campaign, version 1
   * @throws AlreadyExistsException if its id or slug is taken
   */
  Campaign insertCampaign(Campaign campaign);

  /**
   * Replaces a campaign if its stored version is {@code changed.version()}.
   *
   * @param changed the new state of the campaign, carrying the version it was based on
   * @return the stored campaign with the next version
   * @throws NotFoundException if there is no such campaign
   * @throws VersionConflictException if the stored version differs
   */
  Campaign updateCampaign(Campaign changed);

  /**
   * Finds a campaign by id.
   *
   * @param id the id
   * @return the campaign, or empty
   */
  Optional<Campaign> findCampaign(CampaignId id);

  /**
   * Lists every campaign, oldest first.
   *
   * @return all campaigns
   */
  List<Campaign> listCampaigns();

  // ---- submissions ----------------------------------------------------------------------------

  /**
   * Stores a new submission, atomically with two checks, in this order:
   *
   * <ol>
   *   <li>if it has an idempotency key and the campaign already has a submission with that key,
   *       nothing is stored and {@link InsertOutcome.Duplicate} returns the existing one;
   *   <li>if the participant already has {@code maxPerParticipant} or more submissions in the
   *       campaign (any status), nothing is stored and {@link InsertOutcome.LimitReached} is
   *       returned.
   * </ol>
   *
   * <p>Concurrent inserts must not both pass either check: with a limit of 100, any number of
   * threads inserting for one participant store exactly 100.
   *
   * @param submission the submission (its version is ignored)
   * @param maxPerParticipant the campaign's per-participant limit, at least 1
   * @return what happened
   * @throws AlreadyExistsException if a submission with the same id exists
   */
  InsertOutcome insert(Submission submission, int maxPerParticipant);

  /**
   * Stores many submissions, as if by {@link #insert} for each in order, but as efficiently as the
   * backend can (one transaction, one fsync). If it throws, none or only a prefix was stored, and
   * retrying the whole batch with the same idempotency keys stores no duplicates.
   *
   * @param submissions the submissions
   * @param maxPerParticipant the campaign's per-participant limit
   * @return one outcome per submission, in order
   */
  default List<InsertOutcome> insertAll(List<Submission> submissions, int maxPerParticipant) {
    List<InsertOutcome> outcomes = new ArrayList<>(submissions.size());
    for (Submission s : submissions) {
      outcomes.add(insert(s, maxPerParticipant));
    }
    return outcomes;
  }

  /**
   * Replaces a submission if its stored version is {@code changed.version()}. Only status,
   * moderation record, review lease and appeal flag change after intake; backends may assume the
   * other fields are unchanged.
   *
   * @param changed the new state, carrying the version it was based on
   * @return the stored submission with the next version
   * @throws NotFoundException if there is no such submission
   * @throws VersionConflictException if the stored version differs
   */
  Submission update(Submission changed);

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
   * Records a reaction unless the same person already reacted to the same submission with the same
   * type (atomically: concurrent duplicates store one).
   *
   * @param reaction the reaction
   * @return true if stored, false if it was a duplicate
   */
  boolean addReaction(Reaction reaction);

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
   * Appends an entry to the campaign's audit log.
   *
   * @param entry the entry
   */
  void appendAudit(AuditEntry entry);

  /**
   * Streams a campaign's audit log in the order it was appended. The caller must close the stream.
   *
   * @param campaignId the campaign
   * @return the stream
   */
  Stream<AuditEntry> streamAudit(CampaignId campaignId);

  // ---- erasure and lifecycle ------------------------------------------------------------------

  /**
   * Deletes everything of one participant, in every campaign: their submissions (with their
   * idempotency keys and the reactions to them) and their own reactions. Afterwards no method
   * returns or counts any of it. Audit entries stay; they hold no personal data.
   *
   * @param participant the participant
   * @return how many submissions were deleted
   */
  int eraseParticipant(ParticipantId participant);

  /**
   * Releases the store's resources (files, locks, connections). Further calls fail.
   *
   * @throws StorageException if resources could not be released cleanly
   */
  @Override
  void close();
}
