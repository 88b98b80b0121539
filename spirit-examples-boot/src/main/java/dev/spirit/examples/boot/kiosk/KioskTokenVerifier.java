package dev.spirit.examples.boot.kiosk;

import java.util.Optional;

/**
 * Tells whether a bearer token belongs to a kiosk. The one place the app checks kiosk tokens: the
 * {@link KioskTokenFilter} asks it, and nothing else knows how tokens are kept.
 */
public interface KioskTokenVerifier {
  /**
   * Checks a token.
   *
   * @param token the bearer token as the kiosk sent it
   * @return the kiosk's name, or empty if the token is unknown or revoked
   */
  Optional<String> verify(String token);
}
