package dev.spirit.kiosk;

import dev.spirit.error.SpiritException;

/**
 * A kiosk bearer token was refused. The reason says why, so the API can answer 401 with it; the
 * message never repeats the token.
 */
public class KioskAuthenticationException extends SpiritException {
  private static final long serialVersionUID = 1L;

  /** Why a token was refused. */
  public enum Reason {
    /** No token, or not of the form {@code spk_<id>_<secret>}. */
    MALFORMED,
    /** No such token id, or the secret does not match (forged). */
    UNKNOWN,
    /** The token was revoked by staff. */
    REVOKED,
    /** The token's lifetime has passed. */
    EXPIRED
  }

  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param reason why
   * @param message what was refused, without the token's secret
   */
  public KioskAuthenticationException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /**
   * Why the token was refused.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }
}
