package dev.spirit.examples.boot.web;

import dev.spirit.campaign.Campaign;
import dev.spirit.error.InvalidInputException;
import dev.spirit.participant.Consent;
import dev.spirit.participant.ConsentPurpose;
import dev.spirit.participant.ConsentText;
import dev.spirit.participant.Participant;
import dev.spirit.participant.ParticipantId;
import dev.spirit.participant.Role;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns what the board form or a kiosk sent about consent into a participant: the consent text
 * version the page presented must be the campaign's current one (a page left open across a change
 * of text is refused, not recorded against words the person never saw), and consent is recorded
 * with the time and the purposes agreed to.
 */
public final class ConsentRecords {
  private ConsentRecords() {}

  /**
   * The participant, with consent recorded at {@code now} if it was given.
   *
   * @param campaign the campaign
   * @param id the participant id
   * @param role their role
   * @param given whether they agreed
   * @param version the consent text version the page presented, if any
   * @param purposes what they agreed to, at least one if given
   * @param now the time of agreement
   * @return the participant
   * @throws InvalidInputException (field {@code consentVersion}) if the version is not the one the
   *     campaign presents
   */
  public static Participant participant(
      Campaign campaign,
      ParticipantId id,
      Role role,
      boolean given,
      @Nullable String version,
      Set<ConsentPurpose> purposes,
      Instant now) {
    if (!given) {
      return Participant.withoutConsent(id, role);
    }
    Optional<ConsentText> presented = campaign.rules().consentText();
    if (version != null && !version.isEmpty()) {
      if (presented.isEmpty() || !presented.get().version().equals(version)) {
        throw new InvalidInputException(
            "consentVersion",
            "the campaign presents "
                + presented
                    .map(t -> "consent text version " + t.version())
                    .orElse("no consent text")
                + ", not "
                + version
                + "; show the current text again");
      }
    } else if (presented.isEmpty()) {
      return Participant.consenting(id.value(), role);
    }
    return Participant.withConsent(
        id, role, new Consent(now, presented, purposes, Optional.empty()));
  }
}
