package dev.spirit.kiosk;

import dev.spirit.error.InvalidInputException;
import dev.spirit.text.Texts;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A kiosk device's stored credential: who it is and the SHA-256 hash of its bearer token's secret
 * (never the secret itself), when it was issued, when it expires, and when it was revoked, if it
 * was.
 *
 * @param id the token id, 16 lowercase hex digits (the public part of the token)
 * @param name the device's name, e.g. {@code yuzhong-library-1} (1–64 visible ASCII characters)
 * @param secretHash the SHA-256 of the token's secret, 64 lowercase hex digits
 * @param issuedAt when it was issued
 * @param expiresAt when it stops being accepted
 * @param revokedAt when staff revoked it, if they did
 */
public record KioskCredential(
    String id,
    String name,
    String secretHash,
    Instant issuedAt,
    Instant expiresAt,
    Optional<Instant> revokedAt) {
  private static final Pattern ID = Pattern.compile("[0-9a-f]{16}");
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

  public KioskCredential {
    if (id == null || !ID.matcher(id).matches()) {
      throw new InvalidInputException("kiosk.id", "must be 16 lowercase hex digits, was " + id);
    }
    Texts.requireToken("kiosk.name", name, 64);
    if (secretHash == null || !HASH.matcher(secretHash).matches()) {
      throw new InvalidInputException("kiosk.secretHash", "must be 64 lowercase hex digits");
    }
    if (issuedAt == null || expiresAt == null || revokedAt == null) {
      throw new InvalidInputException("kiosk", "times must not be null");
    }
    if (!expiresAt.isAfter(issuedAt)) {
      throw new InvalidInputException("kiosk.expiresAt", "must be after issuedAt");
    }
  }

  /**
   * This credential revoked at an instant (unchanged if it was revoked already).
   *
   * @param at when
   * @return the revoked credential
   */
  public KioskCredential revoked(Instant at) {
    return revokedAt.isPresent()
        ? this
        : new KioskCredential(id, name, secretHash, issuedAt, expiresAt, Optional.of(at));
  }

  /**
   * Whether the token is accepted at an instant: not revoked and not expired.
   *
   * @param now the instant
   * @return true if accepted
   */
  public boolean isActiveAt(Instant now) {
    return revokedAt.isEmpty() && now.isBefore(expiresAt);
  }
}
