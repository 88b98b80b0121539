package dev.spirit;

import dev.spirit.campaign.Campaign;
import dev.spirit.error.InvalidInputException;
import dev.spirit.error.VersionConflictException;
import dev.spirit.event.SpiritListener;
import dev.spirit.event.internal.Listeners;
import dev.spirit.participant.ConsentPurpose;
import dev.spirit.participant.Participant;
import dev.spirit.participant.ParticipantId;
import dev.spirit.participant.Withdrawal;
import dev.spirit.storage.SpiritStore;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.storage.WriteResult;
import dev.spirit.submission.AuditEntry;
import dev.spirit.submission.Submission;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a participant may ask of the campaigns they took part in: to withdraw their consent, keeping
 * their submissions unpublished or erasing them. Get it from {@link Spirit#participants()};
 * thread-safe. Beside {@link Spirit} for the package-cycle reason of {@link Campaigns}.
 */
public final class Participants {
  /** How often a submission changed concurrently is read again before giving up. */
  private static final int ATTEMPTS = 8;

  private final SpiritStore store;
  private final Clock clock;
  private final Submissions submissions;
  private final List<SpiritListener> listeners;

  Participants(
      SpiritStore store, Clock clock, Submissions submissions, List<SpiritListener> listeners) {
    this.store = store;
    this.clock = clock;
    this.submissions = submissions;
    this.listeners = listeners;
  }

  /**
   * Withdraws a participant's consent in every campaign, as they choose:
   *
   * <ul>
   *   <li>{@link Withdrawal#UNPUBLISH}: each of their submissions keeps its status but its consent
   *       record loses {@link ConsentPurpose#PUBLISH} and says when, so it is no longer {@linkplain
   *       Submission#visibleToPublic() public} (board, open data, reactions); it still counts in
   *       statistics if their consent allows that. The audit log gains one entry per changed
   *       submission (actor {@link AuditEntry#ACTOR_PARTICIPANT}, reason {@link
   *       AuditEntry#REASON_CONSENT_UNPUBLISH}), and listeners are told {@link
   *       SpiritListener#onConsentWithdrawn}. Withdrawing again changes nothing.
   *   <li>{@link Withdrawal#ERASE}: {@link Spirit#eraseParticipant}, and the audit log also gains
   *       one entry per erased submission with the reason {@link AuditEntry#REASON_CONSENT_ERASE}.
   * </ul>
   *
   * <p>Audit entries hold no personal data: the submission id, the time and the reason.
   *
   * @param participant the participant
   * @param choice unpublish or erase
   * @return how many submissions were unpublished or erased
   * @throws InvalidInputException if an argument is null
   * @throws VersionConflictException if a submission kept changing concurrently while it was being
   *     unpublished (the others are unpublished; calling again finishes the job)
   */
  public int withdrawConsent(ParticipantId participant, Withdrawal choice) {
    if (participant == null) {
      throw new InvalidInputException("participant", "must not be null");
    }
    if (choice == null) {
      throw new InvalidInputException("choice", "must be UNPUBLISH or ERASE, was null");
    }
    return choice == Withdrawal.ERASE ? erase(participant) : unpublish(participant);
  }

  private int erase(ParticipantId participant) {
    List<Submission> theirs = theirs(participant);
    int erased = submissions.erase(participant, listeners);
    // After the erasure, which replaces the reasons of a participant's entries with "erased".
    Instant now = clock.instant();
    for (Submission s : theirs) {
      store.appendAudit(
          new AuditEntry(
              s.campaignId(),
              s.id(),
              AuditEntry.ACTOR_PARTICIPANT,
              now,
              s.status(),
              s.status(),
              AuditEntry.REASON_CONSENT_ERASE));
    }
    return erased;
  }

  private int unpublish(ParticipantId participant) {
    Instant now = clock.instant();
    List<Submission> changed = new ArrayList<>();
    for (Submission s : theirs(participant)) {
      unpublish(s, now).ifPresent(changed::add);
    }
    for (Submission s : changed) {
      store.appendAudit(
          new AuditEntry(
              s.campaignId(),
              s.id(),
              AuditEntry.ACTOR_PARTICIPANT,
              now,
              s.status(),
              s.status(),
              AuditEntry.REASON_CONSENT_UNPUBLISH));
    }
    if (!changed.isEmpty()) {
      List<Submission> told = List.copyOf(changed);
      Listeners.tell(listeners, l -> l.onConsentWithdrawn(participant, told));
    }
    return changed.size();
  }

  /** Stores the submission with publication withdrawn; empty if it was not allowed anyway. */
  private Optional<Submission> unpublish(Submission first, Instant now) {
    Submission current = first;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Participant after =
          current
              .participant()
              .withdrawing(Set.of(ConsentPurpose.PUBLISH), current.receivedAt(), now);
      if (after.equals(current.participant())) {
        return Optional.empty();
      }
      Submission next = current.withParticipant(after).withVersion(current.version() + 1);
      WriteResult<Submission> w = store.replaceSubmission(next, current.version());
      if (w instanceof WriteResult.Stored<Submission> stored) {
        return Optional.of(stored.stored());
      }
      if (w instanceof WriteResult.Missing<Submission>) {
        return Optional.empty(); // erased meanwhile: nothing left to publish
      }
      long was = w instanceof WriteResult.VersionWas<Submission> v ? v.version() : -1;
      Optional<Submission> reread = store.find(current.id());
      if (reread.isEmpty()) {
        return Optional.empty();
      }
      if (attempt == ATTEMPTS - 1) {
        throw new VersionConflictException(
            "submission " + first.id() + " (its publication being withdrawn)",
            current.version(),
            was);
      }
      current = reread.get();
    }
    return Optional.empty();
  }

  private List<Submission> theirs(ParticipantId participant) {
    List<Submission> theirs = new ArrayList<>();
    for (Campaign campaign : store.listCampaigns()) {
      try (Stream<Submission> s =
          store.stream(SubmissionFilter.builder(campaign.id()).participant(participant).build())) {
        s.forEach(theirs::add);
      }
    }
    return theirs;
  }
}
