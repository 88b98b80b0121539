package dev.spirit.examples.boot.kiosk;

import dev.spirit.examples.boot.DemoProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Kiosk tokens from {@code spirit.demo.kiosk-token-hashes}: the SHA-256 hash of each token, so the
 * configuration holds no usable secret. A kiosk is named after the start of its token's hash.
 */
@Component
public class HashedKioskTokens implements KioskTokenVerifier {
  private final List<byte[]> hashes;

  /**
   * Reads the hashes from the settings.
   *
   * @param settings the app's settings
   */
  public HashedKioskTokens(DemoProperties settings) {
    this.hashes = settings.kioskTokenHashes().stream().map(HexFormat.of()::parseHex).toList();
  }

  @Override
  public Optional<String> verify(String token) {
    byte[] given = sha256(token);
    // Compare with every hash in constant time, so timing tells nothing about which matched.
    Optional<String> match = Optional.empty();
    for (byte[] hash : hashes) {
      if (MessageDigest.isEqual(hash, given)) {
        match = Optional.of("kiosk-" + HexFormat.of().formatHex(hash, 0, 4));
      }
    }
    return match;
  }

  /**
   * The hash to configure for a token.
   *
   * @param token the token
   * @return its SHA-256 hash in lowercase hexadecimal
   */
  public static String hashOf(String token) {
    return HexFormat.of().formatHex(sha256(token));
  }

  private static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
