package dev.spirit;

import dev.spirit.campaign.Campaign;
import dev.spirit.error.InvalidInputException;
import dev.spirit.event.SpiritListener;
import dev.spirit.event.internal.Listeners;
import dev.spirit.participant.ParticipantId;
import dev.spirit.storage.Page;
import dev.spirit.storage.PageRequest;
import dev.spirit.storage.SpiritStore;
import dev.spirit.storage.SubmissionFilter;
import dev.spirit.submission.AuditEntry;
import dev.spirit.submission.Submission;
import dev.spirit.submission.SubmissionId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Queries over the submissions of a {@link Spirit} instance. Get it from {@link
 * Spirit#submissions()}; thread-safe. (Beside {@link Spirit} rather than in {@code
 * dev.spirit.submission} for the same package-cycle reason as {@link Campaigns}.)
 */
public final class Submissions {
  private final SpiritStore store;
  private final Clock clock;

  Submissions(SpiritStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Finds a submission.
   *
   * @param id the id
   * @return the submission, or empty
   */
  public Optional<Submission> find(SubmissionId id) {
    return store.find(id);
  }

  /**
   * One page of the submissions matching a filter, oldest first.
   *
   * @param filter which submissions
   * @param page which page
   * @return the page
   */
  public Page<Submission> page(SubmissionFilter filter, PageRequest page) {
    return store.query(filter, page);
  }

  /**
   * Counts the submissions matching a filter.
   *
   * @param filter which submissions
   * @return how many
   */
  public long count(SubmissionFilter filter) {
    return store.count(filter);
  }

  /**
   * Streams the submissions matching a filter, oldest first. Close the stream.
   *
   * @param filter which submissions
   * @return the stream
   */
  public Stream<Submission> stream(SubmissionFilter filter) {
    return store.stream(filter);
  }

  /** Erases a participant everywhere and tells the listeners what was erased ({@link Spirit}). */
  int erase(ParticipantId participant, List<SpiritListener> listeners) {
    if (participant == null) {
      throw new InvalidInputException("participant", "must not be null");
    }
    List<Submission> theirs = new ArrayList<>();
    for (Campaign campaign : store.listCampaigns()) {
      try (Stream<Submission> s =
          store.stream(SubmissionFilter.builder(campaign.id()).participant(participant).build())) {
        s.forEach(theirs::add);
      }
    }
    int erased = store.eraseParticipant(participant);
    // The audit log says that each was erased, and when; nothing of what was erased.
    Instant now = clock.instant();
    for (Submission s : theirs) {
      store.appendAudit(
          new AuditEntry(
              s.campaignId(),
              s.id(),
              AuditEntry.ACTOR_ERASURE,
              now,
              s.status(),
              s.status(),
              AuditEntry.REASON_ERASED));
    }
    Listeners.tell(listeners, l -> l.onErased(participant, List.copyOf(theirs)));
    return erased;
  }
}
