package dev.spirit.campaign;

/**
 * Kinds of personal data that automatic moderation recognises in submission texts.
 *
 * <p>Stored campaign settings name these constants; new ones are only ever appended, and settings
 * stored before a constant existed use its default action.
 */
public enum PersonalDataType {
  /**
   * Mainland mobile numbers: 11 digits starting 13–19, optionally with +86 and separators, in ASCII
   * or full-width digits or dictated in Chinese numerals ({@code 一三八…}, {@code 幺}, {@code 两},
   * {@code 零}/{@code 〇}).
   */
  MOBILE,
  /** Landline numbers with a 3- or 4-digit area code starting with 0, e.g. 023-63851234. */
  LANDLINE,
  /**
   * 18-character resident identity card numbers: those whose ISO 7064 MOD 11-2 check character is
   * valid, and those with a wrong check character but a real region code and birth date (reported
   * as a possible id number).
   */
  RESIDENT_ID,
  /** E-mail addresses, also written with a full-width {@code ＠} or full-width dots. */
  EMAIL,
  /** Web addresses (with a scheme, {@code www.}, or a common top-level domain). */
  URL,
  /** QQ numbers introduced by "QQ", "扣扣", "企鹅号" or similar. */
  QQ,
  /** WeChat ids introduced by "微信", "V信", "wx", "vx", "WeChat" or similar. */
  WECHAT,
  /**
   * Mainland postal addresses precise enough to find a door: a place (province, city, district,
   * county, town, road, street, housing estate) followed by a house, building, unit or room number,
   * or several such numbers in a row ({@code 3栋2单元501室}). Place names alone are not addresses.
   */
  ADDRESS,
  /** Bank card numbers: 16 to 19 digits, grouped or not, with a valid Luhn check digit. */
  BANK_CARD
}
