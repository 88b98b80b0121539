package dev.spirit.aggregation;

import dev.spirit.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret key under which participant ids are hashed in aggregated statistics. Distinct counts
 * keep hashes of participant ids so that districts' statistics merge into correct city-wide counts
 * of distinct people; hashes without a key would let anyone who holds the statistics hash candidate
 * ids (phone numbers, kiosk card numbers) and find out who took part. Keyed, they reveal nothing to
 * anyone without the key.
 *
 * <p>Every district that shares statistics with the city must use the same key: derive it from the
 * city-wide secret with {@link #fromSecret(byte[])} and keep the secret out of the statistics and
 * out of source control. Statistics keyed differently refuse to merge ({@link
 * CampaignStats#merge}), because their distinct counts would silently count one person twice.
 * Without configuration, {@link AggregationConfig} uses {@link #processLocal()}: a random key that
 * lives as long as the JVM, safe by default but not mergeable with other processes.
 *
 * <p>The hash is SipHash-2-4, a keyed pseudo-random function designed for short inputs, keyed with
 * 128 bits derived from the secret by HMAC-SHA256; the key's {@link #id()} is a separate HMAC of
 * the secret, so it identifies the key without revealing it.
 */
public final class ParticipantKey {
  /** The shortest secret accepted, in bytes. */
  public static final int MIN_SECRET_BYTES = 16;

  private static final ParticipantKey PROCESS_LOCAL = random();

  private final long k0;
  private final long k1;
  private final String id;

  private ParticipantKey(long k0, long k1, String id) {
    this.k0 = k0;
    this.k1 = k1;
    this.id = id;
  }

  /**
   * The key derived from a secret the districts of a city share.
   *
   * @param secret at least {@value #MIN_SECRET_BYTES} bytes, e.g. 32 random bytes from a secrets
   *     manager
   * @return the key
   * @throws InvalidInputException if the secret is shorter
   */
  public static ParticipantKey fromSecret(byte[] secret) {
    if (secret == null || secret.length < MIN_SECRET_BYTES) {
      throw new InvalidInputException(
          "participantKey",
          "the secret must have at least "
              + MIN_SECRET_BYTES
              + " bytes, had "
              + (secret == null ? 0 : secret.length));
    }
    byte[] keyBytes = hmac(secret, "spirit participant key v1");
    byte[] idBytes = hmac(secret, "spirit participant key id v1");
    return new ParticipantKey(
        littleEndian(keyBytes, 0),
        littleEndian(keyBytes, 8),
        HexFormat.of().formatHex(idBytes, 0, 8));
  }

  /**
   * The key derived from a secret given as text (its UTF-8 bytes), e.g. from an environment
   * variable.
   *
   * @param secret at least {@value #MIN_SECRET_BYTES} bytes in UTF-8
   * @return the key
   * @throws InvalidInputException if the secret is shorter
   */
  public static ParticipantKey fromSecret(String secret) {
    if (secret == null) {
      throw new InvalidInputException("participantKey", "the secret must not be null");
    }
    return fromSecret(secret.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A random key for this JVM: statistics made with it merge with each other, not with those of
   * another process or an earlier run.
   *
   * @return the process's key
   */
  public static ParticipantKey processLocal() {
    return PROCESS_LOCAL;
  }

  private static ParticipantKey random() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    return fromSecret(secret);
  }

  /**
   * A public identifier of the key: two keys with the same id hash alike. Recorded in {@link
   * CampaignStats#participantKeyId()}.
   *
   * @return 16 hexadecimal digits
   */
  public String id() {
    return id;
  }

  /**
   * The keyed 64-bit hash of a participant id's UTF-8 bytes (SipHash-2-4).
   *
   * @param value the id's text
   * @return the hash
   */
  long hash(String value) {
    return SipHash.hash24(k0, k1, value.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] hmac(byte[] secret, String label) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
  }

  private static long littleEndian(byte[] b, int at) {
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = (v << 8) | (b[at + i] & 0xff);
    }
    return v;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ParticipantKey other && k0 == other.k0 && k1 == other.k1;
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  /** Names the key by its id; never shows the key. */
  @Override
  public String toString() {
    return "ParticipantKey[" + id + "]";
  }
}
