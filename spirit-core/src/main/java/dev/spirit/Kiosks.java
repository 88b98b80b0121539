package dev.spirit;

import dev.spirit.error.InvalidInputException;
import dev.spirit.error.NotFoundException;
import dev.spirit.kiosk.IssuedKioskToken;
import dev.spirit.kiosk.KioskAuthenticationException;
import dev.spirit.kiosk.KioskAuthenticationException.Reason;
import dev.spirit.kiosk.KioskCredential;
import dev.spirit.storage.SpiritStore;
import dev.spirit.text.Texts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kiosk devices of a {@link Spirit} instance and their bearer tokens. Get it from {@link
 * Spirit#kiosks()}; thread-safe.
 *
 * <p>A token is {@code spk_<id>_<secret>}: a random 64-bit id that finds the stored credential, and
 * a random 256-bit secret of which only the SHA-256 hash is stored. A slow password hash is not
 * needed: the secret is random, not chosen by a person, so the hash cannot be reversed by guessing.
 * The hashes are compared in constant time. Beside {@link Spirit} for the package-cycle reason of
 * {@link Campaigns}.
 */
public final class Kiosks {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern TOKEN = Pattern.compile("spk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})");

  private final SpiritStore store;
  private final Clock clock;

  Kiosks(SpiritStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Issues a token for a device. The returned token is the only copy of its secret.
   *
   * @param name the device's name (1–64 visible ASCII characters)
   * @param lifetime how long the token is accepted, positive
   * @return the stored credential and the token
   * @throws InvalidInputException if the name or lifetime is invalid
   */
  public IssuedKioskToken issue(String name, Duration lifetime) {
    Texts.requireToken("name", name, 64);
    if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
      throw new InvalidInputException("lifetime", "must be a positive duration, was " + lifetime);
    }
    byte[] idBytes = new byte[8];
    byte[] secretBytes = new byte[32];
    RANDOM.nextBytes(idBytes);
    RANDOM.nextBytes(secretBytes);
    String id = HexFormat.of().formatHex(idBytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
    Instant now = clock.instant();
    KioskCredential credential =
        new KioskCredential(id, name, hash(secret), now, now.plus(lifetime), Optional.empty());
    store.storeKiosk(credential);
    return new IssuedKioskToken(credential, "spk_" + id + "_" + secret);
  }

  /**
   * Revokes a token: from now on it is refused with {@link Reason#REVOKED}. Revoking a revoked
   * token changes nothing.
   *
   * @param id the token id (shown by {@link #list})
   * @return the stored, revoked credential
   * @throws NotFoundException if there is no such token
   */
  public KioskCredential revoke(String id) {
    KioskCredential current =
        store.findKiosk(id).orElseThrow(() -> new NotFoundException("kiosk token " + id));
    KioskCredential revoked = current.revoked(clock.instant());
    if (revoked != current) {
      store.storeKiosk(revoked);
    }
    return revoked;
  }

  /**
   * Every issued token's credential, oldest first (revoked and expired ones too).
   *
   * @return the credentials
   */
  public List<KioskCredential> list() {
    return store.listKiosks();
  }

  /**
   * Authenticates a device by its bearer token.
   *
   * @param token the token as sent (e.g. the value after {@code Bearer } in an {@code
   *     Authorization} header)
   * @return the device's credential
   * @throws KioskAuthenticationException if the token is malformed, unknown or forged, revoked, or
   *     expired
   */
  public KioskCredential authenticate(String token) {
    Matcher m = TOKEN.matcher(token == null ? "" : token.trim());
    if (!m.matches()) {
      throw new KioskAuthenticationException(
          Reason.MALFORMED, "not a kiosk token (expected spk_<id>_<secret>)");
    }
    Optional<KioskCredential> found = store.findKiosk(m.group(1));
    byte[] given = hash(m.group(2)).getBytes(StandardCharsets.US_ASCII);
    // Compare against something even when the id is unknown, so both take the same time.
    byte[] stored =
        found.map(k -> k.secretHash()).orElse("0".repeat(64)).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(given, stored) || found.isEmpty()) {
      throw new KioskAuthenticationException(Reason.UNKNOWN, "unknown or forged kiosk token");
    }
    KioskCredential k = found.get();
    if (k.revokedAt().isPresent()) {
      throw new KioskAuthenticationException(
          Reason.REVOKED,
          "kiosk token " + k.id() + " (" + k.name() + ") was revoked at " + k.revokedAt().get());
    }
    if (!clock.instant().isBefore(k.expiresAt())) {
      throw new KioskAuthenticationException(
          Reason.EXPIRED,
          "kiosk token " + k.id() + " (" + k.name() + ") expired at " + k.expiresAt());
    }
    return k;
  }

  private static String hash(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(secret.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
