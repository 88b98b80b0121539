package dev.spirit.storage.file;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.CampaignId;
import dev.spirit.campaign.District;
import dev.spirit.campaign.Language;
import dev.spirit.participant.Participant;
import dev.spirit.participant.ParticipantId;
import dev.spirit.submission.AuditEntry;
import dev.spirit.submission.IdempotencyKey;
import dev.spirit.submission.Provenance;
import dev.spirit.submission.Reaction;
import dev.spirit.submission.ReactionType;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import dev.spirit.submission.SubmissionText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory indexes, rebuilt from the log on open. Not thread-safe: {@link FileStore} guards it
 * with its read-write lock. The same apply methods serve live writes and replay, so both always
 * agree on what a record means.
 *
 * <p>Submissions are kept decoded, with their repeated values shared (campaign id, district,
 * language, participant, provenance, and the normalized text when it equals the original) to keep
 * the heap per submission small.
 */
final class StoreState {
  final Map<CampaignId, Campaign> campaigns = new LinkedHashMap<>();
  final Map<String, CampaignId> campaignsBySlug = new HashMap<>();
  final Map<SubmissionId, Submission> submissions = new HashMap<>();
  final Map<CampaignId, CampaignIndex> byCampaign = new HashMap<>();
  final Map<ReactionKey, Reaction> reactions = new LinkedHashMap<>();
  final Map<ReactionCountKey, long[]> reactionCounts = new HashMap<>();
  final Map<CampaignId, List<AuditEntry>> audit = new HashMap<>();

  private final Map<District, District> districts = new HashMap<>();
  private final Map<Language, Language> languages = new HashMap<>();
  private final Map<Participant, Participant> participants = new HashMap<>();
  private final Map<Provenance, Provenance> provenances = new HashMap<>();
  private final Map<CampaignId, CampaignId> campaignIds = new HashMap<>();

  record ReactionKey(SubmissionId submission, ParticipantId by, ReactionType type) {}

  record ReactionCountKey(SubmissionId submission, ReactionType type) {}

  /** One campaign's submissions in id order, its idempotency keys and per-participant counts. */
  static final class CampaignIndex {
    final TreeMap<SubmissionId, Submission> all = new TreeMap<>();
    final Map<IdempotencyKey, SubmissionId> keys = new HashMap<>();
    final Map<ParticipantId, int[]> counts = new HashMap<>();

    int count(ParticipantId participant) {
      int[] c = counts.get(participant);
      return c == null ? 0 : c[0];
    }
  }

  @Nullable CampaignIndex index(CampaignId campaign) {
    return byCampaign.get(campaign);
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
    Submission stored = canonical(submission);
    Submission previous = submissions.put(stored.id(), stored);
    CampaignIndex index = byCampaign.computeIfAbsent(stored.campaignId(), c -> new CampaignIndex());
    index.all.put(stored.id(), stored);
    if (previous == null) {
      stored.idempotencyKey().ifPresent(k -> index.keys.put(k, stored.id()));
      index.counts.computeIfAbsent(stored.participant().id(), p -> new int[1])[0]++;
    }
  }

  /** Replaces a stored submission; returns false if there is none (erased meanwhile). */
  boolean updateSubmission(Submission changed) {
    Submission current = submissions.get(changed.id());
    if (current == null) {
      return false;
    }
    Submission stored = canonical(changed);
    submissions.put(stored.id(), stored);
    CampaignIndex index = byCampaign.get(stored.campaignId());
    if (index != null) {
      index.all.put(stored.id(), stored);
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

  /** Removes a participant's submissions (with keys and reactions to them) and reactions. */
  int erase(ParticipantId participant) {
    int erased = 0;
    for (CampaignIndex index : byCampaign.values()) {
      if (index.counts.remove(participant) == null) {
        continue;
      }
      Iterator<Submission> it = index.all.values().iterator();
      while (it.hasNext()) {
        Submission s = it.next();
        if (s.participant().id().equals(participant)) {
          it.remove();
          submissions.remove(s.id());
          s.idempotencyKey().ifPresent(index.keys::remove);
          erased++;
        }
      }
    }
    boolean reactionsRemoved =
        reactions
            .keySet()
            .removeIf(k -> k.by().equals(participant) || !submissions.containsKey(k.submission()));
    if (reactionsRemoved) {
      reactionCounts.clear();
      for (ReactionKey k : reactions.keySet()) {
        reactionCounts
            .computeIfAbsent(new ReactionCountKey(k.submission(), k.type()), x -> new long[1])[0]++;
      }
    }
    participants.keySet().removeIf(p -> p.id().equals(participant));
    return erased;
  }

  /**
   * The same submission with repeated values replaced by shared instances, so a million submissions
   * from a few districts hold a few district objects, not a million.
   */
  private Submission canonical(Submission s) {
    CampaignId campaign = campaignIds.computeIfAbsent(s.campaignId(), c -> c);
    District district = districts.computeIfAbsent(s.district(), d -> d);
    Language language = languages.computeIfAbsent(s.language(), l -> l);
    Participant participant = participants.computeIfAbsent(s.participant(), p -> p);
    Provenance provenance =
        provenances.size() < 10_000
            ? provenances.computeIfAbsent(s.provenance(), p -> p)
            : s.provenance();
    SubmissionText text = s.text();
    if (text.normalized() != text.original() && text.normalized().equals(text.original())) {
      text = new SubmissionText(text.original(), text.original());
    }
    if (campaign == s.campaignId()
        && district == s.district()
        && language == s.language()
        && participant == s.participant()
        && provenance == s.provenance()
        && text == s.text()) {
      return s;
    }
    return s.toBuilder()
        .campaignId(campaign)
        .district(district)
        .language(language)
        .participant(participant)
        .provenance(provenance)
        .text(text)
        .build();
  }
}
