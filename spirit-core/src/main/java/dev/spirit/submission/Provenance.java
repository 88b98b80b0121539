package dev.spirit.submission;

import dev.spirit.error.InvalidInputException;
import dev.spirit.text.Texts;
import java.util.Optional;

/**
 * How a submission got into the system: given directly by the participant, or entered by staff on
 * their behalf (a transcribed card, interview notes, a mailbox import).
 *
 * @param source the way it was entered
 * @param enteredBy the staff member who entered it; required unless {@link Source#DIRECT}
 * @param importBatch the import batch it came in, if any
 */
public record Provenance(Source source, Optional<String> enteredBy, Optional<String> importBatch) {

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
    enteredBy.ifPresent(v -> Texts.requireLabel("provenance.enteredBy", v, 128));
    importBatch.ifPresent(v -> Texts.requireLabel("provenance.importBatch", v, 128));
    if (source != Source.DIRECT && enteredBy.isEmpty()) {
      throw new InvalidInputException(
          "provenance.enteredBy", "is required when staff entered the submission (" + source + ")");
    }
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
