package dev.spirit.campaign;

/** Kinds of personal data that automatic moderation recognises in submission texts. */
public enum PersonalDataType {
  /** Mainland mobile numbers: 11 digits starting 13–19, optionally with +86 and separators. */
  MOBILE,
  /** Landline numbers with a 3- or 4-digit area code starting with 0, e.g. 023-63851234. */
  LANDLINE,
  /** 18-digit resident identity card numbers whose ISO 7064 MOD 11-2 check digit is valid. */
  RESIDENT_ID,
  /** E-mail addresses. */
  EMAIL,
  /** Web addresses (with a scheme, {@code www.}, or a common top-level domain). */
  URL,
  /** QQ numbers introduced by "QQ", "扣扣" or similar. */
  QQ,
  /** WeChat ids introduced by "微信", "wx", "vx", "WeChat" or similar. */
  WECHAT
}
