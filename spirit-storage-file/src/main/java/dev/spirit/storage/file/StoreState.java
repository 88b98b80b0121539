package dev.spirit.storage.file;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.CampaignId;
import dev.spirit.campaign.District;
import dev.spirit.campaign.Language;
import dev.spirit.participant.Participant;
import dev.spirit.participant.ParticipantId;
import dev.spirit.submission.AuditEntry;
import dev.spirit.submission.IdempotencyKey;
import dev.spirit.submission.ModerationRecord;
import dev.spirit.submission.Provenance;
import dev.spirit.submission.Reaction;
import dev.spirit.submission.ReactionType;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory indexes, rebuilt from the log on open. Not thread-safe: {@link FileStore} guards it
 * with its read-write lock. The same apply methods serve live writes and replay, so both always
 * agree on what a record means.
 *
 * <p>Submissions are kept as compact {@link SubmissionRow}s (a {@code Submission} is built only
 * when a read returns one), in an open-addressing {@link IdIndex} by id and a {@link RowOrder} per
 * campaign, with their repeated values shared (campaign id, district, language, participant,
 * provenance, and the normalized text when it equals the original).
 */
final class StoreState {
  final Map<CampaignId, Campaign> campaigns = new LinkedHashMap<>();
  final Map<String, CampaignId> campaignsBySlug = new HashMap<>();
  final IdIndex submissions = new IdIndex();
  final Map<CampaignId, CampaignIndex> byCampaign = new HashMap<>();
  final Map<ReactionKey, Reaction> reactions = new LinkedHashMap<>();
  final Map<ReactionCountKey, long[]> reactionCounts = new HashMap<>();
  final Map<CampaignId, List<AuditEntry>> audit = new HashMap<>();

  // Shared instances of repeated values. Concurrent maps because recovery's decoding threads share
  // values (canonicalize) while the opening thread applies records; otherwise under the lock.
  private final Map<District, District> districts = new ConcurrentHashMap<>();
  private final Map<Language, Language> languages = new ConcurrentHashMap<>();
  private final Map<Participant, Participant> participants = new ConcurrentHashMap<>();
  private final Map<Provenance, Provenance> provenances = new ConcurrentHashMap<>();
  private final Map<CampaignId, CampaignId> campaignIds = new ConcurrentHashMap<>();
  private final Map<Map<?, ?>, Map<?, ?>> ruleVersions = new ConcurrentHashMap<>();

  record ReactionKey(SubmissionId submission, ParticipantId by, ReactionType type) {}

  record ReactionCountKey(SubmissionId submission, ReactionType type) {}

  /**
   * One campaign's submissions in id order, its idempotency keys (each to a row of the submission
   * inserted with it; look its id up again for the current version) and per-participant counts.
   */
  static final class CampaignIndex {
    final RowOrder all = new RowOrder();
    final Map<IdempotencyKey, SubmissionRow> keys = new HashMap<>();
    final Map<ParticipantId, int[]> counts = new HashMap<>();

    int count(ParticipantId participant) {
      int[] c = counts.get(participant);
      return c == null ? 0 : c[0];
    }
  }

  @Nullable CampaignIndex index(CampaignId campaign) {
    return byCampaign.get(campaign);
  }

  /** The current row of a submission, or null. */
  @Nullable SubmissionRow row(SubmissionId id) {
    UUID v = id.value();
    return submissions.get(v.getMostSignificantBits(), v.getLeastSignificantBits());
  }

  /** The current version of a submission, or null. */
  @Nullable Submission submission(SubmissionId id) {
    SubmissionRow row = row(id);
    return row == null ? null : row.toSubmission();
  }

  boolean contains(SubmissionId id) {
    return row(id) != null;
  }

  /** The current version of the submission inserted with this key, or null. */
  @Nullable Submission byKey(CampaignIndex index, IdempotencyKey key) {
    SubmissionRow first = index.keys.get(key);
    if (first == null) {
      return null;
    }
    SubmissionRow current = submissions.get(first.idHigh, first.idLow);
    return current == null ? null : current.toSubmission();
  }

  void putCampaign(Campaign stored) {
    Campaign previous = campaigns.put(stored.id(), stored);
    if (previous != null && !previous.slug().equals(stored.slug())) {
      campaignsBySlug.remove(previous.slug());
    }
    campaignsBySlug.put(stored.slug(), stored.id());
    campaignIds.putIfAbsent(stored.id(), stored.id());
  }

  void insertSubmission(Submission submission) {
    SubmissionRow row = SubmissionRow.of(submission);
    canonicalize(row);
    insertRow(row);
  }

  /** Inserts a row whose values were already made {@link #canonicalize canonical}. */
  void insertRow(SubmissionRow row) {
    SubmissionRow previous = submissions.put(row);
    CampaignIndex index = byCampaign.get(row.campaignId);
    if (index == null) {
      index = new CampaignIndex();
      byCampaign.put(row.campaignId, index);
    }
    index.all.put(row);
    if (previous == null) {
      if (row.idempotencyKey != null) {
        index.keys.put(row.idempotencyKey, row);
      }
      int[] count = index.counts.get(row.participant.id());
      if (count == null) {
        index.counts.put(row.participant.id(), new int[] {1});
      } else {
        count[0]++;
      }
    }
  }

  /** Replaces a stored submission; returns false if there is none (erased meanwhile). */
  boolean updateSubmission(Submission changed) {
    SubmissionRow row = SubmissionRow.of(changed);
    canonicalize(row);
    return updateRow(row);
  }

  /**
   * Replaces a stored submission by a row whose values were already made {@link #canonicalize
   * canonical}; returns false if there is none (erased meanwhile).
   */
  boolean updateRow(SubmissionRow changed) {
    if (submissions.get(changed.idHigh, changed.idLow) == null) {
      return false;
    }
    SubmissionRow previous = Objects.requireNonNull(submissions.put(changed));
    CampaignIndex index = byCampaign.get(changed.campaignId);
    if (index != null) {
      index.all.put(changed);
    }
    // Point the idempotency key at the new row, so the replaced one can be collected.
    CampaignIndex inserted = byCampaign.get(previous.campaignId);
    if (previous.idempotencyKey != null
        && inserted != null
        && inserted.keys.get(previous.idempotencyKey) == previous) {
      inserted.keys.put(previous.idempotencyKey, changed);
    }
    return true;
  }

  boolean addReaction(Reaction reaction) {
    ReactionKey key = new ReactionKey(reaction.submissionId(), reaction.by(), reaction.type());
    if (reactions.putIfAbsent(key, reaction) != null) {
      return false;
    }
    reactionCounts
        .computeIfAbsent(
            new ReactionCountKey(reaction.submissionId(), reaction.type()), k -> new long[1])[0]++;
    return true;
  }

  long countReactions(SubmissionId submission, ReactionType type) {
    long[] c = reactionCounts.get(new ReactionCountKey(submission, type));
    return c == null ? 0 : c[0];
  }

  void appendAudit(AuditEntry entry) {
    audit.computeIfAbsent(entry.campaignId(), c -> new ArrayList<>()).add(entry);
  }

  /** Whether erasing this participant would change anything. */
  boolean holdsDataOf(ParticipantId participant) {
    if (reactions.keySet().stream().anyMatch(k -> k.by().equals(participant))) {
      return true;
    }
    for (CampaignIndex index : byCampaign.values()) {
      if (index.count(participant) > 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether purging this campaign would change anything. */
  boolean holdsSubmissionsOf(CampaignId campaign) {
    CampaignIndex index = byCampaign.get(campaign);
    return index != null && index.all.size() > 0;
  }

  /**
   * Removes a participant's submissions (with keys, counts and reactions to them) and reactions,
   * and scrubs the audit entries of their submissions ({@link AuditEntry#erased()}).
   */
  int erase(ParticipantId participant) {
    Set<SubmissionId> gone = new HashSet<>();
    for (CampaignIndex index : byCampaign.values()) {
      if (index.counts.remove(participant) == null) {
        continue;
      }
      index.all.removeIf(
          row -> {
            if (!row.participant.id().equals(participant)) {
              return false;
            }
            removeRow(index, row, gone);
            return true;
          });
    }
    boolean reactionsRemoved =
        reactions
            .keySet()
            .removeIf(k -> k.by().equals(participant) || gone.contains(k.submission()));
    afterRemoval(gone, reactionsRemoved);
    participants.keySet().removeIf(p -> p.id().equals(participant));
    return gone.size();
  }

  /**
   * Removes every submission of a campaign (with keys, counts and reactions to them), and scrubs
   * the audit entries of those submissions. The campaign stays.
   */
  int eraseCampaign(CampaignId campaign) {
    CampaignIndex index = byCampaign.remove(campaign);
    if (index == null) {
      return 0;
    }
    Set<SubmissionId> gone = new HashSet<>();
    for (SubmissionRow row : index.all) {
      removeRow(index, row, gone);
    }
    boolean reactionsRemoved = reactions.keySet().removeIf(k -> gone.contains(k.submission()));
    afterRemoval(gone, reactionsRemoved);
    return gone.size();
  }

  private void removeRow(CampaignIndex index, SubmissionRow row, Set<SubmissionId> gone) {
    submissions.remove(row.idHigh, row.idLow);
    if (row.idempotencyKey != null) {
      index.keys.remove(row.idempotencyKey);
    }
    gone.add(new SubmissionId(new UUID(row.idHigh, row.idLow)));
  }

  private void afterRemoval(Set<SubmissionId> gone, boolean reactionsRemoved) {
    if (reactionsRemoved) {
      reactionCounts.clear();
      for (ReactionKey k : reactions.keySet()) {
        reactionCounts
            .computeIfAbsent(new ReactionCountKey(k.submission(), k.type()), x -> new long[1])[0]++;
      }
    }
    if (!gone.isEmpty()) {
      for (List<AuditEntry> entries : audit.values()) {
        entries.replaceAll(a -> gone.contains(a.submissionId()) ? a.erased() : a);
      }
    }
  }

  /**
   * Replaces the row's repeated values by shared instances, so a million submissions from a few
   * districts hold a few district objects, not a million. Called before the row is published; safe
   * to call from recovery's decoding threads while the opening thread applies records (a decoder
   * may hand out a participant that an erasure applied meanwhile dropped from the map: that only
   * costs sharing, since the row holding it belongs to a later record of that participant).
   */
  void canonicalize(SubmissionRow row) {
    row.campaignId = share(row.campaignId);
    row.district = share(row.district);
    row.language = share(row.language);
    row.participant = share(row.participant);
    row.provenance = share(row.provenance);
    if (row.moderation instanceof Map<?, ?> versions) {
      row.moderation = shareRuleVersions(versions);
    } else if (row.moderation instanceof ModerationRecord m && !m.ruleVersions().isEmpty()) {
      @SuppressWarnings("unchecked") // shareRuleVersions returns an equal map
      Map<String, String> shared = (Map<String, String>) shareRuleVersions(m.ruleVersions());
      row.moderation =
          new ModerationRecord(m.decision(), m.reasons(), shared, m.redactedText(), m.decidedAt());
    }
  }

  CampaignId share(CampaignId value) {
    return share(campaignIds, value);
  }

  District share(District value) {
    return share(districts, value);
  }

  Language share(Language value) {
    return share(languages, value);
  }

  Participant share(Participant value) {
    return share(participants, value);
  }

  Provenance share(Provenance value) {
    if (value.collectedAt().isPresent()) {
      return value; // a collection time is nearly unique per row: nothing to share
    }
    if (provenances.size() >= 10_000 && !provenances.containsKey(value)) {
      return value; // many distinct staff or batches: sharing no longer pays
    }
    return share(provenances, value);
  }

  /** A shared equal map of moderation rule versions (a pipeline's rules change rarely). */
  Map<?, ?> shareRuleVersions(Map<?, ?> value) {
    if (ruleVersions.size() >= 1_000 && !ruleVersions.containsKey(value)) {
      return value;
    }
    return share(ruleVersions, value);
  }

  private static <T> T share(Map<T, T> shared, T value) {
    T existing = shared.get(value);
    if (existing != null) {
      return existing;
    }
    existing = shared.putIfAbsent(value, value);
    return existing == null ? value : existing;
  }
}
