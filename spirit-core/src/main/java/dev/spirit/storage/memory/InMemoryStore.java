package dev.spirit.storage.memory;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.CampaignId;
import dev.spirit.error.StorageException;
import dev.spirit.kiosk.KioskCredential;
import dev.spirit.moderation.CampaignLexicon;
import dev.spirit.moderation.LexiconChange;
import dev.spirit.moderation.state.InMemoryModerationState;
import dev.spirit.moderation.state.ModerationState;
import dev.spirit.participant.ParticipantId;
import dev.spirit.storage.Page;
import dev.spirit.storage.PageCursor;
import dev.spirit.storage.PageRequest;
import dev.spirit.storage.ReactionWrite;
import dev.spirit.storage.SpiritStore;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.storage.SubmissionWrite;
import dev.spirit.storage.WriteResult;
import dev.spirit.submission.AuditChain;
import dev.spirit.submission.AuditEntry;
import dev.spirit.submission.IdempotencyKey;
import dev.spirit.submission.Reaction;
import dev.spirit.submission.ReactionType;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A {@link SpiritStore} in memory. Thread-safe: one read-write lock guards all state, so every
 * operation is atomic. Streams iterate over a snapshot taken when they are opened. Nothing survives
 * the process; use the file or JDBC backend for real campaigns.
 */
public final class InMemoryStore implements SpiritStore {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  // Its own locks: rate and duplicate checks must not wait for the store's write lock.
  private final InMemoryModerationState moderationState = new InMemoryModerationState();

  private final Map<CampaignId, Campaign> campaigns = new LinkedHashMap<>();
  private final Map<String, CampaignId> campaignsBySlug = new HashMap<>();
  private final Map<SubmissionId, Submission> submissions = new HashMap<>();
  private final Map<CampaignId, NavigableMap<SubmissionId, Submission>> byCampaign =
      new HashMap<>();
  private final Map<CampaignId, Map<IdempotencyKey, SubmissionId>> idempotency = new HashMap<>();
  private final Map<CampaignId, Map<ParticipantId, Integer>> perParticipant = new HashMap<>();
  private final Map<ReactionKey, Reaction> reactions = new LinkedHashMap<>();
  private final List<AuditEntry> audit = new ArrayList<>();
  private final Map<CampaignId, List<CampaignLexicon>> lexicons = new HashMap<>();
  private final Map<String, KioskCredential> kiosks = new LinkedHashMap<>();
  private boolean closed;

  private record ReactionKey(SubmissionId submission, ParticipantId by, ReactionType type) {}

  /** Creates an empty store. */
  public InMemoryStore() {}

  @Override
  public WriteResult<Campaign> storeNewCampaign(Campaign first) {
    return write(
        () -> {
          if (campaigns.containsKey(first.id())) {
            return new WriteResult.IdTaken<>();
          }
          if (campaignsBySlug.containsKey(first.slug())) {
            return new WriteResult.SlugTaken<>();
          }
          campaigns.put(first.id(), first);
          campaignsBySlug.put(first.slug(), first.id());
          return new WriteResult.Stored<>(first);
        });
  }

  @Override
  public WriteResult<Campaign> replaceCampaign(Campaign next, long expectedVersion) {
    return write(
        () -> {
          Campaign current = campaigns.get(next.id());
          if (current == null) {
            return new WriteResult.Missing<>();
          }
          if (current.version() != expectedVersion) {
            return new WriteResult.VersionWas<>(current.version());
          }
          if (!current.slug().equals(next.slug())) {
            if (campaignsBySlug.containsKey(next.slug())) {
              return new WriteResult.SlugTaken<>();
            }
            campaignsBySlug.remove(current.slug());
            campaignsBySlug.put(next.slug(), next.id());
          }
          campaigns.put(next.id(), next);
          return new WriteResult.Stored<>(next);
        });
  }

  @Override
  public Optional<Campaign> findCampaign(CampaignId id) {
    return read(() -> Optional.ofNullable(campaigns.get(id)));
  }

  @Override
  public List<Campaign> listCampaigns() {
    return read(() -> List.copyOf(campaigns.values()));
  }

  @Override
  public SubmissionWrite storeNewSubmission(Submission first, int maxPerParticipant) {
    return write(() -> storeLocked(first, maxPerParticipant));
  }

  @Override
  public List<SubmissionWrite> storeNewSubmissions(List<Submission> batch, int maxPerParticipant) {
    return write(
        () -> {
          List<SubmissionWrite> found = new ArrayList<>(batch.size());
          for (Submission s : batch) {
            SubmissionWrite one = storeLocked(s, maxPerParticipant);
            found.add(one);
            if (one instanceof SubmissionWrite.IdTaken) {
              break;
            }
          }
          return found;
        });
  }

  private SubmissionWrite storeLocked(Submission first, int maxPerParticipant) {
    if (submissions.containsKey(first.id())) {
      return new SubmissionWrite.IdTaken(first.id());
    }
    CampaignId campaign = first.campaignId();
    Map<IdempotencyKey, SubmissionId> keys =
        idempotency.computeIfAbsent(campaign, c -> new HashMap<>());
    if (first.idempotencyKey().isPresent()) {
      SubmissionId existing = keys.get(first.idempotencyKey().get());
      if (existing != null) {
        return new SubmissionWrite.KeyTaken(Objects.requireNonNull(submissions.get(existing)));
      }
    }
    Map<ParticipantId, Integer> counts =
        perParticipant.computeIfAbsent(campaign, c -> new HashMap<>());
    int count = counts.getOrDefault(first.participant().id(), 0);
    if (count >= maxPerParticipant) {
      return new SubmissionWrite.AtLimit(count);
    }
    submissions.put(first.id(), first);
    byCampaign.computeIfAbsent(campaign, c -> new TreeMap<>()).put(first.id(), first);
    first.idempotencyKey().ifPresent(k -> keys.put(k, first.id()));
    counts.put(first.participant().id(), count + 1);
    return new SubmissionWrite.Stored(first);
  }

  @Override
  public WriteResult<Submission> replaceSubmission(Submission next, long expectedVersion) {
    return write(
        () -> {
          Submission current = submissions.get(next.id());
          if (current == null) {
            return new WriteResult.Missing<>();
          }
          if (current.version() != expectedVersion) {
            return new WriteResult.VersionWas<>(current.version());
          }
          submissions.put(next.id(), next);
          byCampaign.computeIfAbsent(next.campaignId(), c -> new TreeMap<>()).put(next.id(), next);
          return new WriteResult.Stored<>(next);
        });
  }

  @Override
  public Optional<Submission> find(SubmissionId id) {
    return read(() -> Optional.ofNullable(submissions.get(id)));
  }

  @Override
  public Optional<Submission> findByIdempotencyKey(CampaignId campaignId, IdempotencyKey key) {
    return read(
        () -> {
          Map<IdempotencyKey, SubmissionId> keys = idempotency.get(campaignId);
          SubmissionId id = keys == null ? null : keys.get(key);
          return id == null ? Optional.empty() : Optional.ofNullable(submissions.get(id));
        });
  }

  @Override
  public Page<Submission> query(SubmissionFilter filter, PageRequest page) {
    return read(
        () -> {
          NavigableMap<SubmissionId, Submission> all = byCampaign.get(filter.campaignId());
          if (all == null) {
            return new Page<>(List.of(), Optional.empty());
          }
          NavigableMap<SubmissionId, Submission> tail =
              page.after().isPresent() ? all.tailMap(page.after().get().after(), false) : all;
          List<Submission> items = new ArrayList<>(page.limit());
          Iterator<Submission> it = tail.values().iterator();
          while (it.hasNext() && items.size() < page.limit()) {
            Submission s = it.next();
            if (filter.matches(s)) {
              items.add(s);
            }
          }
          boolean more = false;
          while (it.hasNext()) {
            if (filter.matches(it.next())) {
              more = true;
              break;
            }
          }
          Optional<PageCursor> next =
              more
                  ? Optional.of(new PageCursor(items.get(items.size() - 1).id()))
                  : Optional.empty();
          return new Page<>(items, next);
        });
  }

  @Override
  public long count(SubmissionFilter filter) {
    return read(
        () -> {
          NavigableMap<SubmissionId, Submission> all = byCampaign.get(filter.campaignId());
          return all == null ? 0L : all.values().stream().filter(filter::matches).count();
        });
  }

  @Override
  public Stream<Submission> stream(SubmissionFilter filter) {
    List<Submission> snapshot =
        read(
            () -> {
              NavigableMap<SubmissionId, Submission> all = byCampaign.get(filter.campaignId());
              return all == null
                  ? List.<Submission>of()
                  : all.values().stream().filter(filter::matches).toList();
            });
    return snapshot.stream();
  }

  @Override
  public ReactionWrite storeReaction(Reaction reaction) {
    return write(
        () -> {
          if (!submissions.containsKey(reaction.submissionId())) {
            return ReactionWrite.NO_SUBMISSION;
          }
          ReactionKey key =
              new ReactionKey(reaction.submissionId(), reaction.by(), reaction.type());
          return reactions.putIfAbsent(key, reaction) == null
              ? ReactionWrite.STORED
              : ReactionWrite.ALREADY_THERE;
        });
  }

  @Override
  public long countReactions(SubmissionId submissionId, ReactionType type) {
    return read(
        () ->
            reactions.keySet().stream()
                .filter(k -> k.submission().equals(submissionId) && k.type() == type)
                .count());
  }

  @Override
  public Stream<Reaction> streamReactions(CampaignId campaignId) {
    List<Reaction> snapshot =
        read(
            () ->
                reactions.values().stream()
                    .filter(r -> r.campaignId().equals(campaignId))
                    .toList());
    return snapshot.stream();
  }

  @Override
  public WriteResult<CampaignLexicon> storeLexicon(CampaignLexicon next) {
    return write(
        () -> {
          if (!campaigns.containsKey(next.campaignId())) {
            return new WriteResult.Missing<>();
          }
          List<CampaignLexicon> revisions =
              lexicons.computeIfAbsent(next.campaignId(), id -> new ArrayList<>());
          if (revisions.size() != next.revision() - 1) {
            return new WriteResult.VersionWas<>(revisions.size());
          }
          revisions.add(next);
          return new WriteResult.Stored<>(next);
        });
  }

  @Override
  public Optional<CampaignLexicon> findLexicon(CampaignId campaignId) {
    return read(
        () -> {
          List<CampaignLexicon> revisions = lexicons.get(campaignId);
          return revisions == null || revisions.isEmpty()
              ? Optional.<CampaignLexicon>empty()
              : Optional.of(revisions.get(revisions.size() - 1));
        });
  }

  @Override
  public List<LexiconChange> lexiconHistory(CampaignId campaignId) {
    return read(
        () ->
            lexicons.getOrDefault(campaignId, List.of()).stream()
                .map(CampaignLexicon::change)
                .toList());
  }

  @Override
  public void storeKiosk(KioskCredential credential) {
    write(
        () -> {
          kiosks.put(credential.id(), credential);
          return null;
        });
  }

  @Override
  public Optional<KioskCredential> findKiosk(String id) {
    return read(() -> Optional.ofNullable(kiosks.get(id)));
  }

  @Override
  public List<KioskCredential> listKiosks() {
    return read(() -> List.copyOf(kiosks.values()));
  }

  @Override
  public void appendAudit(AuditEntry entry) {
    write(
        () -> {
          audit.add(AuditChain.seal(lastAudit(entry.campaignId()), entry));
          return null;
        });
  }

  private Optional<AuditEntry> lastAudit(CampaignId campaignId) {
    for (int i = audit.size() - 1; i >= 0; i--) {
      if (audit.get(i).campaignId().equals(campaignId)) {
        return Optional.of(audit.get(i));
      }
    }
    return Optional.empty();
  }

  @Override
  public Stream<AuditEntry> streamAudit(CampaignId campaignId) {
    List<AuditEntry> snapshot =
        read(() -> audit.stream().filter(a -> a.campaignId().equals(campaignId)).toList());
    return snapshot.stream();
  }

  @Override
  public ModerationState moderationState() {
    return moderationState;
  }

  @Override
  public int eraseParticipant(ParticipantId participant) {
    return write(
        () -> {
          moderationState.eraseParticipant(participant);
          List<Submission> theirs =
              submissions.values().stream()
                  .filter(s -> s.participant().id().equals(participant))
                  .toList();
          for (Map<ParticipantId, Integer> counts : perParticipant.values()) {
            counts.remove(participant);
          }
          removeAll(theirs);
          reactions.keySet().removeIf(k -> k.by().equals(participant));
          return theirs.size();
        });
  }

  @Override
  public int eraseSubmissions(CampaignId campaignId) {
    return write(
        () -> {
          NavigableMap<SubmissionId, Submission> inCampaign = byCampaign.get(campaignId);
          List<Submission> all = inCampaign == null ? List.of() : List.copyOf(inCampaign.values());
          perParticipant.remove(campaignId);
          removeAll(all);
          return all.size();
        });
  }

  /** Removes submissions with their keys and the reactions to them; scrubs their audit entries. */
  private void removeAll(List<Submission> gone) {
    Set<SubmissionId> ids = new HashSet<>();
    for (Submission s : gone) {
      ids.add(s.id());
      submissions.remove(s.id());
      NavigableMap<SubmissionId, Submission> inCampaign = byCampaign.get(s.campaignId());
      if (inCampaign != null) {
        inCampaign.remove(s.id());
      }
      s.idempotencyKey()
          .ifPresent(
              k -> {
                Map<IdempotencyKey, SubmissionId> keys = idempotency.get(s.campaignId());
                if (keys != null) {
                  keys.remove(k);
                }
              });
    }
    reactions.keySet().removeIf(k -> ids.contains(k.submission()));
    audit.replaceAll(a -> ids.contains(a.submissionId()) ? a.erased() : a);
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      closed = true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  private <T> T read(Supplier<T> action) {
    lock.readLock().lock();
    try {
      ensureOpen();
      return action.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  private <T> T write(Supplier<T> action) {
    lock.writeLock().lock();
    try {
      ensureOpen();
      return action.get();
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new StorageException("the in-memory store is closed");
    }
  }
}
