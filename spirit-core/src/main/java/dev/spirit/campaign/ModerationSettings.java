package dev.spirit.campaign;

import dev.spirit.error.InvalidInputException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * A campaign's settings for automatic moderation: what to do with each kind of personal data, and
 * the time window and limits of the flood and rate rules.
 *
 * @param personalData the action per kind of personal data; kinds absent here use {@link
 *     #DEFAULT_PERSONAL_DATA}
 * @param window the sliding time window of the near-duplicate, flood and rate rules
 * @param maxPerParticipantInWindow how many submissions one participant may give within the window
 *     before further ones are rejected
 * @param maxPerCollectionPointInWindow how many submissions one collection point (a kiosk, a board)
 *     may take within the window before further ones are sent to review
 */
public record ModerationSettings(
    Map<PersonalDataType, PersonalDataAction> personalData,
    Duration window,
    int maxPerParticipantInWindow,
    int maxPerCollectionPointInWindow) {

  /**
   * Default actions: contact details and addresses are masked, links, identity numbers and bank
   * card numbers go to review (links are the usual payload of spam; an identity or bank card number
   * on a card is rare enough to deserve a look, and often the bait of a fraud).
   */
  public static final Map<PersonalDataType, PersonalDataAction> DEFAULT_PERSONAL_DATA =
      Map.of(
          PersonalDataType.MOBILE, PersonalDataAction.REDACT,
          PersonalDataType.LANDLINE, PersonalDataAction.REDACT,
          PersonalDataType.RESIDENT_ID, PersonalDataAction.REVIEW,
          PersonalDataType.EMAIL, PersonalDataAction.REDACT,
          PersonalDataType.URL, PersonalDataAction.REVIEW,
          PersonalDataType.QQ, PersonalDataAction.REDACT,
          PersonalDataType.WECHAT, PersonalDataAction.REDACT,
          PersonalDataType.ADDRESS, PersonalDataAction.REDACT,
          PersonalDataType.BANK_CARD, PersonalDataAction.REVIEW);

  /** Default window of the flood and rate rules: 10 minutes. */
  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);

  /** Default per-participant limit within the window. */
  public static final int DEFAULT_MAX_PER_PARTICIPANT = 5;

  /** Default per-collection-point limit within the window. */
  public static final int DEFAULT_MAX_PER_COLLECTION_POINT = 120;

  public ModerationSettings {
    EnumMap<PersonalDataType, PersonalDataAction> actions = new EnumMap<>(DEFAULT_PERSONAL_DATA);
    if (personalData != null) {
      actions.putAll(personalData);
    }
    personalData = Map.copyOf(actions);
    // Stored settings written before a field existed decode it as null or 0: use the default.
    window = window == null ? DEFAULT_WINDOW : window;
    if (window.isNegative() || window.isZero()) {
      throw new InvalidInputException("moderation.window", "must be positive, was " + window);
    }
    maxPerParticipantInWindow =
        maxPerParticipantInWindow == 0 ? DEFAULT_MAX_PER_PARTICIPANT : maxPerParticipantInWindow;
    maxPerCollectionPointInWindow =
        maxPerCollectionPointInWindow == 0
            ? DEFAULT_MAX_PER_COLLECTION_POINT
            : maxPerCollectionPointInWindow;
    if (maxPerParticipantInWindow < 1 || maxPerCollectionPointInWindow < 1) {
      throw new InvalidInputException(
          "moderation.limits",
          "window limits must be at least 1, were "
              + maxPerParticipantInWindow
              + " and "
              + maxPerCollectionPointInWindow);
    }
  }

  /**
   * The default settings.
   *
   * @return defaults
   */
  public static ModerationSettings defaults() {
    return new ModerationSettings(Map.of(), DEFAULT_WINDOW, 0, 0);
  }

  /**
   * The action for a kind of personal data.
   *
   * @param type the kind
   * @return its action
   */
  public PersonalDataAction actionFor(PersonalDataType type) {
    return personalData.getOrDefault(type, PersonalDataAction.REDACT);
  }

  /**
   * A copy with another action for one kind of personal data.
   *
   * @param type the kind
   * @param action the action
   * @return the copy
   */
  public ModerationSettings withAction(PersonalDataType type, PersonalDataAction action) {
    EnumMap<PersonalDataType, PersonalDataAction> actions = new EnumMap<>(personalData);
    actions.put(type, action);
    return new ModerationSettings(
        actions, window, maxPerParticipantInWindow, maxPerCollectionPointInWindow);
  }

  /**
   * A copy with another window and limits.
   *
   * @param newWindow the window
   * @param perParticipant the per-participant limit within it
   * @param perCollectionPoint the per-collection-point limit within it
   * @return the copy
   */
  public ModerationSettings withWindow(
      Duration newWindow, int perParticipant, int perCollectionPoint) {
    return new ModerationSettings(personalData, newWindow, perParticipant, perCollectionPoint);
  }
}
