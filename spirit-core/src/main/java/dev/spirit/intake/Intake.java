package dev.spirit.intake;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.CampaignId;
import dev.spirit.campaign.Language;
import dev.spirit.campaign.ModerationMode;
import dev.spirit.campaign.SubmissionRules;
import dev.spirit.event.SpiritListener;
import dev.spirit.event.internal.Listeners;
import dev.spirit.moderation.Moderator;
import dev.spirit.moderation.state.ModerationState;
import dev.spirit.moderation.state.StateKey;
import dev.spirit.storage.InsertOutcome;
import dev.spirit.storage.SpiritStore;
import dev.spirit.submission.AuditEntry;
import dev.spirit.submission.IdempotencyKey;
import dev.spirit.submission.ModerationDecision;
import dev.spirit.submission.ModerationRecord;
import dev.spirit.submission.Receipt;
import dev.spirit.submission.Rejection;
import dev.spirit.submission.RejectionCode;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import dev.spirit.submission.SubmissionRequest;
import dev.spirit.submission.SubmissionStatus;
import dev.spirit.submission.SubmissionText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Intake: turns submission requests into stored submissions or typed rejections. For each request,
 * in order:
 *
 * <ol>
 *   <li>the campaign must exist;
 *   <li>a request whose idempotency key the campaign already stored is answered with that
 *       submission's receipt (a replay) if it is the same submission (text, kind, district,
 *       channel, collection point, participant), and refused with {@link
 *       RejectionCode#IDEMPOTENCY_CONFLICT} if it is another one — also when a concurrent request
 *       took the key first (step 5);
 *   <li>the intake rules are checked, collecting every broken one;
 *   <li>the moderator screens the candidate, which decides its first status; rules with history
 *       (rates, duplicates) keep it in the store's {@link SpiritStore#moderationState()}, so
 *       instances on one shared store enforce one limit together (a batch's candidates in one
 *       atomic unit of that state);
 *   <li>the store inserts it atomically with the idempotency and per-participant checks ({@link
 *       SpiritStore#insertAll}), one batch per campaign.
 * </ol>
 *
 * <p>Get it from {@code Spirit.intake()}; thread-safe.
 */
public final class Intake {
  private final SpiritStore store;
  private final Clock clock;
  private final Moderator moderator;
  private final ModerationState moderationState;
  private final List<SpiritListener> listeners;
  private final SubmitCombiner combiner = new SubmitCombiner(this::submitAll);

  /**
   * Creates the intake over a store ({@code Spirit} builds one).
   *
   * @param store the store
   * @param clock the clock giving intake times
   * @param moderator the moderator screening new submissions
   * @param listeners the listeners told about accepted submissions (a live, thread-safe list)
   */
  public Intake(
      SpiritStore store, Clock clock, Moderator moderator, List<SpiritListener> listeners) {
    this.store = store;
    this.clock = clock;
    this.moderator = moderator;
    this.moderationState = store.moderationState();
    this.listeners = listeners;
  }

  /**
   * Takes in one submission. Concurrent calls are combined: while one batch is being stored, the
   * requests that arrive meanwhile wait and go together in the next {@link #submitAll} (at most
   * {@value SubmitCombiner#MAX_BATCH} a batch, at most {@value SubmitCombiner#LEADERS} batches at a
   * time), so a busy board pays one store transaction per batch rather than per request. A request
   * alone is stored at once. Listeners are told on the thread that stores the batch.
   *
   * @param request the request
   * @return accepted with id and status, or rejected with every reason
   */
  public Receipt submit(SubmissionRequest request) {
    return combiner.submit(request);
  }

  /**
   * Takes in many submissions at once (a mailbox import, a batch of transcribed cards), storing
   * them in as few store operations as the backend allows: one look-up of the batch's idempotency
   * keys per campaign, one atomic unit of moderation state for the whole batch ({@link
   * ModerationState#atomically}, over the keys the moderator declares), one insert per campaign and
   * one append of the audit entries. Each request gets its own receipt, in order; a rejected
   * request does not affect the others.
   *
   * @param requests the requests
   * @return one receipt per request
   */
  public List<Receipt> submitAll(List<SubmissionRequest> requests) {
    Instant now = clock.instant();
    int n = requests.size();
    Receipt[] receipts = new Receipt[n];
    Map<CampaignId, Optional<Campaign>> campaigns = new HashMap<>();
    Map<CampaignId, Set<IdempotencyKey>> keysByCampaign = new HashMap<>();
    for (int i = 0; i < n; i++) {
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
      request
          .idempotencyKey()
          .ifPresent(
              k ->
                  keysByCampaign
                      .computeIfAbsent(request.campaignId(), c -> new HashSet<>())
                      .add(k));
    }
    Map<CampaignId, Map<IdempotencyKey, Submission>> earlierByCampaign = new HashMap<>();
    for (Map.Entry<CampaignId, Set<IdempotencyKey>> e : keysByCampaign.entrySet()) {
      earlierByCampaign.put(e.getKey(), store.findByIdempotencyKeys(e.getKey(), e.getValue()));
    }
    Submission[] candidates = new Submission[n];
    Campaign[] campaignOf = new Campaign[n];
    Set<StateKey> stateKeys = new HashSet<>();
    for (int i = 0; i < n; i++) {
      if (receipts[i] != null) {
        continue;
      }
      SubmissionRequest request = requests.get(i);
      Campaign campaign = Objects.requireNonNull(campaigns.get(request.campaignId())).orElseThrow();
      Optional<IdempotencyKey> key = request.idempotencyKey();
      @Nullable Submission earlier =
          key.isEmpty()
              ? null
              : earlierByCampaign.getOrDefault(request.campaignId(), Map.of()).get(key.get());
      if (earlier != null) {
        receipts[i] = replay(earlier, request);
        continue;
      }
      SubmissionText text = SubmissionText.of(request.text());
      Language language = request.language().orElseGet(() -> Language.detect(text.normalized()));
      List<Rejection> reasons = IntakeRules.check(request, campaign, text, language, now);
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
      candidates[i] = candidate;
      campaignOf[i] = campaign;
      stateKeys.addAll(moderator.stateKeys(candidate, campaign));
    }
    moderateAll(candidates, campaignOf, stateKeys);
    Map<CampaignId, List<Integer>> pendingByCampaign = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      if (candidates[i] != null) {
        pendingByCampaign
            .computeIfAbsent(candidates[i].campaignId(), c -> new ArrayList<>())
            .add(i);
      }
    }
    List<AuditEntry> audit = new ArrayList<>();
    List<Submission> accepted = new ArrayList<>();
    for (Map.Entry<CampaignId, List<Integer>> group : pendingByCampaign.entrySet()) {
      Campaign campaign = Objects.requireNonNull(campaigns.get(group.getKey())).orElseThrow();
      List<Submission> batch = new ArrayList<>();
      for (int index : group.getValue()) {
        batch.add(candidates[index]);
      }
      List<InsertOutcome> outcomes = store.insertAll(batch, campaign.rules().maxPerParticipant());
      for (int j = 0; j < outcomes.size(); j++) {
        int index = group.getValue().get(j);
        receipts[index] =
            receiptFor(outcomes.get(j), requests.get(index), campaign.rules(), audit, accepted);
      }
    }
    if (!audit.isEmpty()) {
      store.appendAuditAll(audit);
    }
    for (Submission stored : accepted) {
      Listeners.tell(listeners, l -> l.onAccepted(stored));
    }
    List<Receipt> result = new ArrayList<>(n);
    for (Receipt receipt : receipts) {
      result.add(Objects.requireNonNull(receipt));
    }
    return result;
  }

  /**
   * Moderates the batch's candidates in one atomic unit of moderation state, then gives each its
   * first status. The unit may run more than once (a backend retrying a conflict), so it only fills
   * the verdicts; listeners hear of them afterwards.
   */
  private void moderateAll(Submission[] candidates, Campaign[] campaignOf, Set<StateKey> keys) {
    int n = candidates.length;
    long[] nanos = new long[n];
    ModerationRecord[] verdicts =
        moderationState.atomically(
            keys,
            state -> {
              ModerationRecord[] made = new ModerationRecord[n];
              for (int i = 0; i < n; i++) {
                if (candidates[i] != null) {
                  long started = System.nanoTime();
                  made[i] = moderator.moderate(candidates[i], campaignOf[i], state);
                  nanos[i] = System.nanoTime() - started;
                }
              }
              return made;
            });
    for (int i = 0; i < n; i++) {
      Submission candidate = candidates[i];
      if (candidate == null) {
        continue;
      }
      ModerationRecord verdict = Objects.requireNonNull(verdicts[i]);
      if (!listeners.isEmpty()) {
        Duration elapsed = Duration.ofNanos(nanos[i]);
        Listeners.tell(listeners, l -> l.onModerated(candidate, verdict, elapsed));
      }
      candidates[i] =
          candidate.toBuilder()
              .status(statusFor(verdict.decision(), campaignOf[i].rules().moderationMode()))
              .moderation(Optional.of(verdict))
              .build();
    }
  }

  private Receipt receiptFor(
      InsertOutcome outcome,
      SubmissionRequest request,
      SubmissionRules rules,
      List<AuditEntry> audit,
      List<Submission> accepted) {
    if (outcome instanceof InsertOutcome.Inserted inserted) {
      Submission stored = inserted.stored();
      if (stored.status() != SubmissionStatus.PENDING) {
        String why =
            stored.moderation().map(m -> "automatic moderation: " + m.decision()).orElse("intake");
        audit.add(
            new AuditEntry(
                stored.campaignId(),
                stored.id(),
                AuditEntry.ACTOR_MODERATION,
                stored.receivedAt(),
                SubmissionStatus.PENDING,
                stored.status(),
                why));
      }
      accepted.add(stored);
      return new Receipt.Accepted(stored.id(), stored.status(), false);
    } else if (outcome instanceof InsertOutcome.Duplicate duplicate) {
      return replay(duplicate.existing(), request);
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

  /**
   * The answer to a request whose idempotency key is stored: a replay of the stored submission's
   * receipt if the request is the same submission, a conflict if it is another one. A client that
   * retries after a timeout sends the same content again; different content under the same key is a
   * client bug (a reused counter, a key from a file name) and must not silently drop the new text.
   */
  private static Receipt replay(Submission stored, SubmissionRequest request) {
    List<String> differences = new ArrayList<>();
    if (!stored.text().original().equals(request.text())) {
      differences.add("text");
    }
    if (stored.kind() != request.kind()) {
      differences.add("kind");
    }
    if (!stored.district().equals(request.district())) {
      differences.add("district");
    }
    if (stored.channel() != request.channel()) {
      differences.add("channel");
    }
    if (!stored.collectionPoint().equals(request.collectionPoint())) {
      differences.add("collection point");
    }
    if (!stored.participant().id().equals(request.participant().id())) {
      differences.add("participant");
    }
    if (differences.isEmpty()) {
      return new Receipt.Accepted(stored.id(), stored.status(), true);
    }
    return new Receipt.Rejected(
        List.of(
            new Rejection(
                RejectionCode.IDEMPOTENCY_CONFLICT,
                "idempotencyKey",
                "conflict: idempotency key "
                    + request.idempotencyKey().map(IdempotencyKey::value).orElse("")
                    + " is already stored for submission "
                    + stored.id()
                    + " with a different "
                    + String.join(", ", differences))));
  }

  private static SubmissionStatus statusFor(ModerationDecision decision, ModerationMode mode) {
    return switch (decision) {
      case REJECT -> SubmissionStatus.REJECTED;
      case REVIEW -> SubmissionStatus.PENDING;
      case APPROVE ->
          mode == ModerationMode.POST ? SubmissionStatus.APPROVED : SubmissionStatus.PENDING;
    };
  }

  private static Receipt rejected(RejectionCode code, String field, String message) {
    return new Receipt.Rejected(List.of(new Rejection(code, field, message)));
  }
}
