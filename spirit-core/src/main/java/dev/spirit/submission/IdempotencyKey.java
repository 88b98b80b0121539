package dev.spirit.submission;

import dev.spirit.error.InvalidInputException;

/**
 * A client-chosen key, unique within a campaign, that makes a retried submission a no-op: a kiosk
 * or an import that sends the same key twice gets the first submission back instead of a second
 * copy. 1–128 visible ASCII characters.
 *
 * @param value the key
 */
public record IdempotencyKey(String value) {
  public IdempotencyKey {
    if (value == null) {
      throw new InvalidInputException("idempotencyKey", "must not be null");
    }
    if (value.isEmpty() || value.length() > 128) {
      throw new InvalidInputException(
          "idempotencyKey", "must be 1-128 characters, was " + value.length());
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= 0x20 || c >= 0x7F) {
        throw new InvalidInputException(
            "idempotencyKey", "must be visible ASCII without spaces (index " + i + ")");
      }
    }
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
