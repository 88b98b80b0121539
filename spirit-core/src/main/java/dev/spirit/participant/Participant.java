package dev.spirit.participant;

import dev.spirit.error.InvalidInputException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The person behind a submission, pseudonymously, with their consent.
 *
 * <p>Consent comes in two forms. The record ({@link #withConsent}) says when, to which text and for
 * which purposes; campaigns that name their consent text ({@code SubmissionRules.consentText})
 * accept only this form. The older yes/no form ({@link #Participant(ParticipantId, Role, boolean)},
 * {@link #consenting}) means every purpose or none.
 *
 * @param id pseudonymous id
 * @param role declared role
 * @param consent whether any consent is in force: for the record form, whether it allows at least
 *     one purpose
 * @param consentRecord the consent as a record, if the participant gave it in that form
 */
public record Participant(
    ParticipantId id, Role role, boolean consent, Optional<Consent> consentRecord) {
  public Participant {
    if (id == null) {
      throw new InvalidInputException("participant.id", "must not be null");
    }
    if (role == null) {
      throw new InvalidInputException("participant.role", "must not be null");
    }
    // Records stored before consent records existed have no such field.
    consentRecord = consentRecord == null ? Optional.empty() : consentRecord;
    if (consentRecord.isPresent() && consent == consentRecord.get().purposes().isEmpty()) {
      throw new InvalidInputException(
          "participant.consent",
          "must be "
              + !consent
              + " to agree with the consent record, which allows "
              + consentRecord.get().purposes());
    }
  }

  /**
   * A participant in the yes/no form: {@code true} allows every purpose, {@code false} none.
   *
   * @param id pseudonymous id
   * @param role declared role
   * @param consent whether they consented
   * @deprecated records no time, text or purposes; use {@link #withConsent} or {@link
   *     #withoutConsent}
   */
  @Deprecated
  public Participant(ParticipantId id, Role role, boolean consent) {
    this(id, role, consent, Optional.empty());
  }

  /**
   * A participant who gave consent as a record.
   *
   * @param id pseudonymous id
   * @param role declared role
   * @param consent their consent
   * @return the participant
   */
  public static Participant withConsent(ParticipantId id, Role role, Consent consent) {
    if (consent == null) {
      throw new InvalidInputException("participant.consent", "must not be null");
    }
    return new Participant(id, role, !consent.purposes().isEmpty(), Optional.of(consent));
  }

  /**
   * A participant who gave no consent.
   *
   * @param id pseudonymous id
   * @param role declared role
   * @return the participant
   */
  public static Participant withoutConsent(ParticipantId id, Role role) {
    return new Participant(id, role, false, Optional.empty());
  }

  /**
   * A participant who consented to every purpose in the yes/no form (no time or text recorded): for
   * tests, demos and imports of older data. A campaign that names its consent text refuses it.
   *
   * @param id pseudonymous id
   * @param role role
   * @return the participant
   */
  public static Participant consenting(String id, Role role) {
    return new Participant(ParticipantId.of(id), role, true, Optional.empty());
  }

  /**
   * Whether the participant's consent allows a purpose now. In the yes/no form, consent allows
   * every purpose and its absence none.
   *
   * @param purpose the purpose
   * @return true if allowed
   */
  public boolean permits(ConsentPurpose purpose) {
    return consentRecord.map(c -> c.permits(purpose)).orElse(consent);
  }

  /**
   * This participant with some purposes of their consent withdrawn. The yes/no form becomes a
   * record (dated {@code givenAt}, no text) so that the withdrawal can be kept.
   *
   * @param withdrawn the purposes withdrawn
   * @param givenAt when consent in the yes/no form was given (e.g. when the submission was
   *     received); ignored for the record form
   * @param at when it was withdrawn
   * @return the participant after the withdrawal; this one if nothing it allowed was withdrawn
   */
  public Participant withdrawing(Set<ConsentPurpose> withdrawn, Instant givenAt, Instant at) {
    if (consentRecord.isEmpty() && !consent) {
      return this;
    }
    Consent before =
        consentRecord.orElseGet(
            () ->
                new Consent(
                    givenAt,
                    Optional.empty(),
                    EnumSet.allOf(ConsentPurpose.class),
                    Optional.empty()));
    Consent after = before.withdraw(withdrawn, at);
    if (consentRecord.isPresent() && after.equals(before)) {
      return this;
    }
    return new Participant(id, role, !after.purposes().isEmpty(), Optional.of(after));
  }
}
