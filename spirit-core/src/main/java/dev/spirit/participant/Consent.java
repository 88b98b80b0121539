package dev.spirit.participant;

import dev.spirit.error.InvalidInputException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A participant's consent as a record: when they gave it, which text they were shown, and what they
 * allowed. Kept with each of their submissions; a later withdrawal keeps the record and says when.
 *
 * @param givenAt when the participant agreed
 * @param text the consent text they were shown; empty only for consent given before Spirit recorded
 *     texts (the yes/no form of {@link Participant#Participant(ParticipantId, Role, boolean)})
 * @param purposes what the consent allows now; at least one unless consent was withdrawn
 * @param withdrawnAt when the participant last withdrew part of their consent, if they did
 */
public record Consent(
    Instant givenAt,
    Optional<ConsentText> text,
    Set<ConsentPurpose> purposes,
    Optional<Instant> withdrawnAt) {
  public Consent {
    if (givenAt == null) {
      throw new InvalidInputException("consent.givenAt", "must not be null");
    }
    text = text == null ? Optional.empty() : text;
    withdrawnAt = withdrawnAt == null ? Optional.empty() : withdrawnAt;
    if (purposes == null || purposes.stream().anyMatch(p -> p == null)) {
      throw new InvalidInputException("consent.purposes", "must not be or contain null");
    }
    if (purposes.isEmpty() && withdrawnAt.isEmpty()) {
      throw new InvalidInputException(
          "consent.purposes", "must name at least one of " + List.of(ConsentPurpose.values()));
    }
    if (withdrawnAt.isPresent() && withdrawnAt.get().isBefore(givenAt)) {
      throw new InvalidInputException(
          "consent.withdrawnAt",
          "must not be before the consent was given (" + givenAt + "), was " + withdrawnAt.get());
    }
    // An EnumSet iterates in declaration order, so equal records encode to identical JSON.
    purposes =
        Collections.unmodifiableSet(
            purposes.isEmpty()
                ? EnumSet.noneOf(ConsentPurpose.class)
                : EnumSet.copyOf((Collection<ConsentPurpose>) purposes));
  }

  /**
   * Consent given now to a text for some purposes.
   *
   * @param givenAt when the participant agreed
   * @param text the text they were shown
   * @param purposes what they allowed, at least one
   * @return the consent
   * @throws InvalidInputException if a value is missing or no purpose is given
   */
  public static Consent given(Instant givenAt, ConsentText text, Set<ConsentPurpose> purposes) {
    if (text == null) {
      throw new InvalidInputException("consent.text", "must not be null");
    }
    return new Consent(givenAt, Optional.of(text), purposes, Optional.empty());
  }

  /**
   * Whether the consent allows a purpose now.
   *
   * @param purpose the purpose
   * @return true if allowed
   */
  public boolean permits(ConsentPurpose purpose) {
    return purposes.contains(purpose);
  }

  /**
   * This consent with some purposes withdrawn at a time. Withdrawing a purpose not allowed changes
   * nothing (the same record is returned).
   *
   * @param withdrawn the purposes withdrawn
   * @param at when
   * @return the consent that remains, with {@code withdrawnAt} set
   */
  public Consent withdraw(Set<ConsentPurpose> withdrawn, Instant at) {
    if (Collections.disjoint(purposes, withdrawn)) {
      return this;
    }
    EnumSet<ConsentPurpose> remaining = EnumSet.noneOf(ConsentPurpose.class);
    remaining.addAll(purposes);
    remaining.removeAll(withdrawn);
    return new Consent(givenAt, text, remaining, Optional.of(at));
  }
}
