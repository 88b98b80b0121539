package dev.spirit.submission;

import dev.spirit.text.Texts;

/**
 * A client-chosen key, unique within a campaign, that makes a retried submission a no-op: a kiosk
 * or an import that sends the same key twice gets the first submission back instead of a second
 * copy. 1–128 visible ASCII characters.
 *
 * @param value the key
 */
public record IdempotencyKey(String value) {
  public IdempotencyKey {
    Texts.requireToken("idempotencyKey", value, 128);
  }

  /**
   * Shorthand for the constructor.
   *
   * @param value the key
   * @return the key
   */
  public static IdempotencyKey of(String value) {
    return new IdempotencyKey(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
