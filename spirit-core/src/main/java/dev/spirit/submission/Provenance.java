package dev.spirit.submission;

import dev.spirit.error.InvalidInputException;
import dev.spirit.text.Texts;
import java.time.Instant;
import java.util.Optional;

/**
 * How a submission got into the system: given directly by the participant, or entered by staff on
 * their behalf (a transcribed card, interview notes, a mailbox import).
 *
 * @param source the way it was entered
 * @param enteredBy the staff member who entered it; required unless {@link Source#DIRECT}
 * @param importBatch the import batch it came in, if any
 * @param collectedAt when it was collected, if that is earlier than when it was received: a card
 *     written at a festival on 3 November and typed in on 20 November keeps 3 November here, while
 *     {@link Submission#receivedAt()} is 20 November. Intake refuses a time after its now (beyond a
 *     few minutes of clock skew, {@link RejectionCode#COLLECTED_IN_FUTURE}). Records stored before
 *     this field existed read with it empty.
 */
public record Provenance(
    Source source,
    Optional<String> enteredBy,
    Optional<String> importBatch,
    Optional<Instant> collectedAt) {

  /** The way a submission was entered. */
  public enum Source {
    /** Typed or given by the participant themselves. */
    DIRECT,
    /** Transcribed by staff from a handwritten card or letter. */
    TRANSCRIBED_CARD,
    /** Written down by staff during an interview. */
    INTERVIEW_NOTES,
    /** Entered by staff in some other way. */
    STAFF_ENTRY
  }

  public Provenance {
    if (source == null) {
      throw new InvalidInputException("provenance.source", "must not be null");
    }
    if (enteredBy == null || importBatch == null) {
      throw new InvalidInputException("provenance", "optional fields must not be null");
    }
    // Records stored before collectedAt existed have no such field.
    collectedAt = collectedAt == null ? Optional.empty() : collectedAt;
    enteredBy.ifPresent(v -> Texts.requireLabel("provenance.enteredBy", v, 128));
    importBatch.ifPresent(v -> Texts.requireLabel("provenance.importBatch", v, 128));
    if (source != Source.DIRECT && enteredBy.isEmpty()) {
      throw new InvalidInputException(
          "provenance.enteredBy", "is required when staff entered the submission (" + source + ")");
    }
  }

  /**
   * Provenance without a collection time (as before {@link #collectedAt()} existed).
   *
   * @param source the way it was entered
   * @param enteredBy the staff member who entered it; required unless {@link Source#DIRECT}
   * @param importBatch the import batch it came in, if any
   * @throws InvalidInputException if a value is missing or invalid
   */
  public Provenance(Source source, Optional<String> enteredBy, Optional<String> importBatch) {
    this(source, enteredBy, importBatch, Optional.empty());
  }

  /**
   * This provenance with the time the submission was collected.
   *
   * @param at when it was collected (a card written, an interview held)
   * @return the copy
   * @throws InvalidInputException if {@code at} is null
   */
  public Provenance collectedAt(Instant at) {
    if (at == null) {
      throw new InvalidInputException("provenance.collectedAt", "must not be null");
    }
    return new Provenance(source, enteredBy, importBatch, Optional.of(at));
  }

  /**
   * Given directly by the participant.
   *
   * @return direct provenance
   */
  public static Provenance direct() {
    return new Provenance(Source.DIRECT, Optional.empty(), Optional.empty());
  }

  /**
   * Entered by staff on the participant's behalf.
   *
   * @param source how
   * @param staff who entered it
   * @param importBatch the import batch it came in
   * @return the provenance
   */
  public static Provenance enteredBy(Source source, String staff, String importBatch) {
    return new Provenance(source, Optional.of(staff), Optional.of(importBatch));
  }

  /**
   * Entered by staff, not part of an import batch.
   *
   * @param source how
   * @param staff who entered it
   * @return the provenance
   */
  public static Provenance enteredBy(Source source, String staff) {
    return new Provenance(source, Optional.of(staff), Optional.empty());
  }
}
