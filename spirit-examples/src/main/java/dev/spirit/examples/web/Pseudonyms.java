package dev.spirit.examples.web;

import dev.spirit.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed pseudonymous ids for online visitors, carried in a cookie: {@code v1.<epoch>.<id>.<mac>},
 * where {@code id} is 128 random bits (never derived from anything personal) and {@code mac} is an
 * HMAC-SHA256 over the rest under the key of that epoch (derived from a master key with HMAC, so
 * every instance behind a load balancer that shares the master key accepts the others' cookies).
 *
 * <p>Keys rotate: an epoch lasts {@code epochLength} (a week by default). A cookie signed in the
 * current epoch is accepted as it is; one signed in the previous epoch is accepted during that
 * grace period and {@link Verified#resign()} says to send it again signed under the current key,
 * with the same id, so a visitor keeps their pseudonym (and their limits and reports count as
 * theirs) while no key signs for more than two epochs. Older or forged values are refused, and the
 * caller issues a new id.
 *
 * <p>No HTTP server types in its API: a Spring web layer can read and write the same cookie.
 * Thread-safe.
 */
public final class Pseudonyms {
  private static final String VERSION = "v1";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] masterKey;
  private final Duration epochLength;
  private final Clock clock;

  /**
   * A visitor's verified pseudonym.
   *
   * @param id the random id (32 lowercase hex digits)
   * @param cookie the cookie value to keep (the presented one, or a new signature of the same id)
   * @param resign whether {@code cookie} differs from what was presented and should be sent back
   */
  public record Verified(String id, String cookie, boolean resign) {}

  /**
   * Creates the signer.
   *
   * @param masterKey at least 32 bytes of secret, shared by every instance
   * @param epochLength how long one signing key is current, positive
   * @param clock the clock epochs are counted on
   * @throws InvalidInputException if the key is short or the epoch not positive
   */
  public Pseudonyms(byte[] masterKey, Duration epochLength, Clock clock) {
    if (masterKey == null || masterKey.length < 32) {
      throw new InvalidInputException("pseudonymKey", "must be at least 32 bytes");
    }
    if (epochLength == null || epochLength.isNegative() || epochLength.isZero()) {
      throw new InvalidInputException("epochLength", "must be a positive duration");
    }
    this.masterKey = masterKey.clone();
    this.epochLength = epochLength;
    this.clock = clock;
  }

  /**
   * A random master key, for a single instance (cookies then do not survive a restart).
   *
   * @return 32 random bytes
   */
  public static byte[] randomKey() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return key;
  }

  /**
   * How long a cookie may live: the current epoch plus the grace period.
   *
   * @return two epoch lengths
   */
  public Duration cookieLifetime() {
    return epochLength.multipliedBy(2);
  }

  /**
   * Issues a new pseudonym.
   *
   * @return the pseudonym and its cookie value
   */
  public Verified issue() {
    byte[] id = new byte[16];
    RANDOM.nextBytes(id);
    String hex = HexFormat.of().formatHex(id);
    return new Verified(hex, sign(currentEpoch(), hex), true);
  }

  /**
   * Checks a presented cookie value.
   *
   * @param cookie the value, or empty if the visitor sent none
   * @return the pseudonym if the value is well formed, correctly signed and of the current or the
   *     previous epoch; empty otherwise (then {@link #issue} a new one)
   */
  public Optional<Verified> verify(Optional<String> cookie) {
    if (cookie.isEmpty()) {
      return Optional.empty();
    }
    List<String> parts = List.of(cookie.get().split("\\.", -1));
    if (parts.size() != 4
        || !parts.get(0).equals(VERSION)
        || !parts.get(2).matches("[0-9a-f]{32}")) {
      return Optional.empty();
    }
    long epoch;
    try {
      epoch = Long.parseLong(parts.get(1));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    long current = currentEpoch();
    if (epoch != current && epoch != current - 1) {
      return Optional.empty();
    }
    String expected = sign(epoch, parts.get(2));
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        cookie.get().getBytes(StandardCharsets.US_ASCII))) {
      return Optional.empty();
    }
    if (epoch == current) {
      return Optional.of(new Verified(parts.get(2), cookie.get(), false));
    }
    return Optional.of(new Verified(parts.get(2), sign(current, parts.get(2)), true));
  }

  private long currentEpoch() {
    return Math.floorDiv(clock.millis(), epochLength.toMillis());
  }

  private String sign(long epoch, String id) {
    String payload = VERSION + "." + epoch + "." + id;
    byte[] epochKey = hmac(masterKey, "spirit-pseudonym-epoch:" + epoch);
    String mac = Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(epochKey, payload));
    return payload + "." + mac;
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every Java platform has HmacSHA256", e);
    }
  }
}
