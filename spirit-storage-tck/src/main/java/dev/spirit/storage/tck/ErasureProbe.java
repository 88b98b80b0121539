package dev.spirit.storage.tck;

import static dev.spirit.storage.tck.TckFixtures.T0;
import static dev.spirit.storage.tck.TckFixtures.unique;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.SubmissionKind;
import dev.spirit.moderation.state.ModerationState;
import dev.spirit.moderation.state.StateKey;
import dev.spirit.moderation.state.TextMark;
import dev.spirit.participant.ParticipantId;
import dev.spirit.storage.SpiritStore;
import dev.spirit.submission.AuditEntry;
import dev.spirit.submission.IdempotencyKey;
import dev.spirit.submission.ModerationDecision;
import dev.spirit.submission.ModerationRecord;
import dev.spirit.submission.Reaction;
import dev.spirit.submission.ReactionType;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Personal data of one participant, planted in a store with a unique marker in every place it can
 * hide, for tests that read a backend's raw files or tables after erasure: the original and the
 * redacted (masked) text of their submissions, their participant id, their idempotency key, the
 * reason of a report they made, the reason of a report someone made about their submission, and the
 * words of their appeal in the audit log. Each submission is also updated once, so an older version
 * exists too. Other participants' submissions surround them and must survive.
 *
 * @param participant the participant to erase
 * @param campaigns the two campaigns their submissions are in
 * @param kept other participants' submissions (version 1), which erasure must leave
 * @param markers label to marker: none of these strings may remain in the store once the
 *     participant is erased (or both campaigns purged)
 */
public record ErasureProbe(
    ParticipantId participant,
    List<Campaign> campaigns,
    List<Submission> kept,
    Map<String, String> markers) {

  /** Compact canonical constructor: copies the collections. */
  public ErasureProbe {
    campaigns = List.copyOf(campaigns);
    kept = List.copyOf(kept);
    markers = Map.copyOf(markers);
  }

  /**
   * Plants the data in a store: two new campaigns, {@code others} submissions of other people in
   * each, and the participant's two submissions, reactions and appeal.
   *
   * @param store the store
   * @param others how many other people's submissions per campaign
   * @return what was planted
   */
  public static ErasureProbe plant(SpiritStore store, int others) {
    String token = unique("probe");
    ParticipantId them = ParticipantId.of("erase-me-" + token);
    Map<String, String> markers = new LinkedHashMap<>();
    markers.put("participant id", them.value());
    List<Campaign> campaigns = new ArrayList<>();
    List<Submission> kept = new ArrayList<>();
    List<Submission> theirs = new ArrayList<>();
    for (int c = 0; c < 2; c++) {
      Campaign campaign = store.insertCampaign(TckFixtures.campaign());
      campaigns.add(campaign);
      for (int i = 0; i < others; i++) {
        kept.add(insert(store, TckFixtures.submission(campaign.id(), unique("other")).build()));
      }
      String text = "我住在解放碑 " + c + " 号 " + token;
      String masked = "我住在***** " + c + " 号 masked-" + token;
      String key = "key-" + c + "-" + token;
      markers.put("text " + c, text);
      markers.put("masked text " + c, masked);
      markers.put("idempotency key " + c, key);
      Submission s =
          insert(
              store,
              TckFixtures.submission(campaign.id(), them.value())
                  .kind(SubmissionKind.MESSAGE)
                  .text(text)
                  .idempotencyKey(Optional.of(IdempotencyKey.of(key)))
                  .moderation(
                      Optional.of(
                          new ModerationRecord(
                              ModerationDecision.REVIEW,
                              List.of(),
                              Map.of(),
                              Optional.of(masked),
                              T0)))
                  .build());
      theirs.add(store.update(s.withStatus(SubmissionStatus.APPROVED)));
    }
    Submission theirFirst = theirs.get(0);
    Submission someoneElses = kept.get(0);
    String reportReason = "their report " + token;
    String aboutThem = "a report about them " + token;
    String appeal = "their appeal " + token;
    markers.put("reason of their report", reportReason);
    markers.put("reason of a report about them", aboutThem);
    markers.put("their appeal", appeal);
    store.addReaction(
        new Reaction(
            someoneElses.id(),
            someoneElses.campaignId(),
            them,
            ReactionType.REPORT,
            Optional.of(reportReason),
            T0));
    store.addReaction(
        new Reaction(
            someoneElses.id(),
            someoneElses.campaignId(),
            them,
            ReactionType.ENDORSE,
            Optional.empty(),
            T0));
    store.addReaction(
        new Reaction(
            theirFirst.id(),
            theirFirst.campaignId(),
            ParticipantId.of(unique("reporter")),
            ReactionType.REPORT,
            Optional.of(aboutThem),
            T0));
    store.appendAudit(
        new AuditEntry(
            theirFirst.campaignId(),
            theirFirst.id(),
            AuditEntry.ACTOR_PARTICIPANT,
            T0,
            SubmissionStatus.REJECTED,
            SubmissionStatus.PENDING,
            "appeal: " + appeal));
    // Their moderation state: a rate window, a text window and a text at a collection point, as
    // intake records them (a backend holds them as keyed digests; the id must not appear either).
    ModerationState state = store.moderationState();
    for (Campaign campaign : campaigns) {
      state.countThenAdd(
          new StateKey(StateKey.Kind.PARTICIPANT_RATE, campaign.id(), them.value()),
          T0,
          Duration.ofMinutes(10),
          10);
      TextMark mark = TextMark.of(them, "我住在解放碑" + token);
      state.recentThenAdd(
          new StateKey(StateKey.Kind.PARTICIPANT_TEXTS, campaign.id(), them.value()),
          T0,
          Duration.ofMinutes(10),
          32,
          mark);
      state.recentThenAdd(
          new StateKey(StateKey.Kind.COLLECTION_POINT_TEXTS, campaign.id(), "kiosk-" + token),
          T0,
          Duration.ofMinutes(10),
          16,
          mark);
    }
    return new ErasureProbe(them, campaigns, kept, markers);
  }

  private static Submission insert(SpiritStore store, Submission s) {
    var outcome = store.insert(s, 1_000);
    if (!(outcome instanceof dev.spirit.storage.InsertOutcome.Inserted inserted)) {
      throw new IllegalStateException("could not plant " + s.id() + ": " + outcome);
    }
    return inserted.stored();
  }

  /**
   * The markers found in some bytes, e.g. a file of the store or a database dump.
   *
   * @param bytes the bytes, read as UTF-8
   * @return the labels of the markers that occur in them
   */
  public List<String> foundIn(byte[] bytes) {
    return foundIn(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * The markers found in a text.
   *
   * @param text the text
   * @return the labels of the markers that occur in it
   */
  public List<String> foundIn(String text) {
    List<String> found = new ArrayList<>();
    markers.forEach(
        (label, marker) -> {
          if (text.contains(marker)) {
            found.add(label);
          }
        });
    return found;
  }
}
