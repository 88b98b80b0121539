package dev.spirit.campaign;

import dev.spirit.error.InvalidInputException;
import dev.spirit.text.EnumNames;

/** The way a submission reached the campaign. */
public enum Channel {
  /** A street or square message board. */
  MESSAGE_BOARD,
  /** A themed mailbox for written cards and letters. */
  MAILBOX,
  /** An impromptu street interview, transcribed by staff. */
  INTERVIEW,
  /** A card filled in at a stand or festival. */
  CARD,
  /** The campaign's web page, app or kiosk API. */
  ONLINE,
  /** A poetry, calligraphy or dialogue event. */
  EVENT;

  /**
   * Parses a channel name, case-insensitively, accepting {@code message-board} and {@code
   * message_board}.
   *
   * @param text the name
   * @return the channel
   * @throws InvalidInputException naming the accepted values if the name is unknown
   */
  public static Channel parse(String text) {
    return EnumNames.parse(Channel.class, "channel", text);
  }

  /**
   * The lowercase, dash-separated name used in URLs, files and reports.
   *
   * @return e.g. {@code message-board}
   */
  public String key() {
    return EnumNames.key(this);
  }
}
