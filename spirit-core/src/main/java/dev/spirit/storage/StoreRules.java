package dev.spirit.storage;

import dev.spirit.campaign.Campaign;
import dev.spirit.error.AlreadyExistsException;
import dev.spirit.error.InvalidInputException;
import dev.spirit.error.NotFoundException;
import dev.spirit.error.StorageException;
import dev.spirit.error.VersionConflictException;
import dev.spirit.moderation.CampaignLexicon;
import dev.spirit.submission.Reaction;
import dev.spirit.submission.ReviewLease;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one place that states the storage rules and their messages: which version a write stores, and
 * which exception or outcome each finding of a backend's conditional write becomes. {@link
 * SpiritStore}'s record-level methods delegate here; backends only report what they found.
 */
final class StoreRules {
  private StoreRules() {}

  static Campaign insertCampaign(SpiritStore store, Campaign campaign) {
    WriteResult<Campaign> found = store.storeNewCampaign(campaign.withVersion(1));
    if (found instanceof WriteResult.IdTaken) {
      throw new AlreadyExistsException("campaign " + campaign.id());
    }
    if (found instanceof WriteResult.SlugTaken) {
      throw slugTaken(campaign);
    }
    return stored(found, "campaign " + campaign.id(), campaign.version());
  }

  static Campaign updateCampaign(SpiritStore store, Campaign changed) {
    WriteResult<Campaign> found =
        store.replaceCampaign(changed.withVersion(changed.version() + 1), changed.version());
    if (found instanceof WriteResult.SlugTaken) {
      throw slugTaken(changed);
    }
    return stored(found, "campaign " + changed.id(), changed.version());
  }

  static Submission update(SpiritStore store, Submission changed) {
    WriteResult<Submission> found =
        store.replaceSubmission(changed.withVersion(changed.version() + 1), changed.version());
    return stored(found, "submission " + changed.id(), changed.version());
  }

  static List<ClaimedSubmission> claimUnleased(
      SpiritStore store, SubmissionFilter filter, ReviewLease lease, Instant now, int max) {
    if (max < 1) {
      throw new InvalidInputException("max", "must be at least 1, was " + max);
    }
    List<ClaimedSubmission> claimed = new ArrayList<>(Math.min(max, PageRequest.MAX_LIMIT));
    Optional<PageCursor> after = Optional.empty();
    while (claimed.size() < max) {
      Page<Submission> page = store.query(filter, new PageRequest(after, PageRequest.MAX_LIMIT));
      for (Submission s : page.items()) {
        if (s.reviewLease().map(l -> l.isActiveAt(now)).orElse(false)) {
          continue;
        }
        Submission next =
            s.toBuilder().reviewLease(Optional.of(lease)).build().withVersion(s.version() + 1);
        if (store.replaceSubmission(next, s.version())
            instanceof WriteResult.Stored<Submission> w) {
          claimed.add(new ClaimedSubmission(w.stored(), s.reviewLease()));
          if (claimed.size() == max) {
            return claimed;
          }
        }
      }
      if (page.next().isEmpty()) {
        break;
      }
      after = page.next();
    }
    return claimed;
  }

  static InsertOutcome insert(SpiritStore store, Submission submission, int maxPerParticipant) {
    requireLimit(maxPerParticipant);
    return outcome(store.storeNewSubmission(submission.withVersion(1), maxPerParticipant));
  }

  static List<InsertOutcome> insertAll(
      SpiritStore store, List<Submission> submissions, int maxPerParticipant) {
    requireLimit(maxPerParticipant);
    if (submissions.isEmpty()) {
      return List.of();
    }
    Set<SubmissionId> ids = new HashSet<>();
    List<Submission> first = new ArrayList<>(submissions.size());
    for (Submission s : submissions) {
      if (!ids.add(s.id())) {
        throw new AlreadyExistsException("submission " + s.id());
      }
      first.add(s.withVersion(1));
    }
    List<SubmissionWrite> found = store.storeNewSubmissions(first, maxPerParticipant);
    if (!found.isEmpty() && found.get(found.size() - 1) instanceof SubmissionWrite.IdTaken taken) {
      throw new AlreadyExistsException("submission " + taken.id());
    }
    if (found.size() != submissions.size()) {
      throw new StorageException(
          "the store answered a batch of "
              + submissions.size()
              + " submissions with "
              + found.size()
              + " results");
    }
    List<InsertOutcome> outcomes = new ArrayList<>(found.size());
    for (int i = 0; i < found.size(); i++) {
      outcomes.add(outcome(found.get(i)));
    }
    return List.copyOf(outcomes);
  }

  static CampaignLexicon attachLexicon(SpiritStore store, CampaignLexicon next) {
    WriteResult<CampaignLexicon> found = store.storeLexicon(next);
    String what = "lexicon of campaign " + next.campaignId();
    if (found instanceof WriteResult.Missing) {
      throw new NotFoundException("campaign " + next.campaignId());
    }
    return stored(found, what, next.revision() - 1);
  }

  static boolean addReaction(SpiritStore store, Reaction reaction) {
    ReactionWrite found = store.storeReaction(reaction);
    if (found == ReactionWrite.NO_SUBMISSION) {
      throw new NotFoundException("submission " + reaction.submissionId());
    }
    return found == ReactionWrite.STORED;
  }

  private static InsertOutcome outcome(SubmissionWrite found) {
    if (found instanceof SubmissionWrite.Stored stored) {
      return new InsertOutcome.Inserted(stored.stored());
    }
    if (found instanceof SubmissionWrite.KeyTaken taken) {
      return new InsertOutcome.Duplicate(taken.existing());
    }
    if (found instanceof SubmissionWrite.AtLimit atLimit) {
      return new InsertOutcome.LimitReached(atLimit.count());
    }
    throw new AlreadyExistsException("submission " + ((SubmissionWrite.IdTaken) found).id());
  }

  private static <T> T stored(WriteResult<T> found, String what, long expectedVersion) {
    if (found instanceof WriteResult.Stored<T> stored) {
      return stored.stored();
    }
    if (found instanceof WriteResult.Missing) {
      throw new NotFoundException(what);
    }
    if (found instanceof WriteResult.VersionWas<T> was) {
      throw new VersionConflictException(what, expectedVersion, was.version());
    }
    throw new StorageException("the store answered a write of " + what + " with " + found);
  }

  private static AlreadyExistsException slugTaken(Campaign campaign) {
    return new AlreadyExistsException("campaign slug '" + campaign.slug() + "'");
  }

  private static void requireLimit(int maxPerParticipant) {
    if (maxPerParticipant < 1) {
      throw new InvalidInputException(
          "maxPerParticipant", "must be at least 1, was " + maxPerParticipant);
    }
  }
}
