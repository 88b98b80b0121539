package dev.spirit.examples.web;

import dev.spirit.campaign.Campaign;
import dev.spirit.error.InvalidInputException;
import dev.spirit.participant.Consent;
import dev.spirit.participant.ConsentPurpose;
import dev.spirit.participant.ConsentText;
import dev.spirit.participant.Participant;
import dev.spirit.participant.ParticipantId;
import dev.spirit.participant.Role;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns what a form or kiosk sent about consent into a participant: the consent text version the
 * page presented (which must be the campaign's current one, so a page left open across a change of
 * text is refused rather than recorded against the new words), and the purposes agreed to. Used by
 * the JDK-server board and by the Spring Boot district app alike.
 */
public final class ConsentFields {
  /** What the board's checkbox agrees to: to be shown on the wall, and counted. */
  public static final Set<ConsentPurpose> BOARD_PURPOSES =
      EnumSet.of(ConsentPurpose.PUBLISH, ConsentPurpose.STATISTICS);

  private ConsentFields() {}

  /**
   * The participant, with consent recorded now if it was given.
   *
   * @param c the campaign
   * @param id the participant id
   * @param role their role
   * @param given whether they agreed
   * @param version the consent text version the page presented, if any
   * @param purposes what they agreed to
   * @param now the time of agreement
   * @return the participant
   * @throws InvalidInputException (field {@code consentVersion}) if the version is not the one the
   *     campaign presents
   */
  public static Participant participant(
      Campaign c,
      ParticipantId id,
      Role role,
      boolean given,
      @Nullable String version,
      Set<ConsentPurpose> purposes,
      Instant now) {
    if (!given) {
      return Participant.withoutConsent(id, role);
    }
    Optional<ConsentText> presented = c.rules().consentText();
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
