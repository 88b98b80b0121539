package dev.spirit.participant;

import dev.spirit.error.InvalidInputException;
import dev.spirit.text.Texts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Which consent text a participant was shown: its version name and the SHA-256 of its exact words,
 * so a record names the text even if someone later edits it without changing the version.
 *
 * @param version the version name the campaign gives the text, e.g. {@code 2026-12-v2} (1–64
 *     visible ASCII characters)
 * @param sha256 the SHA-256 of the text's UTF-8 bytes, 64 lowercase hex digits
 */
public record ConsentText(String version, String sha256) {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  public ConsentText {
    Texts.requireToken("consent.version", version, 64);
    if (sha256 == null || !SHA256.matcher(sha256).matches()) {
      throw new InvalidInputException(
          "consent.sha256", "must be 64 lowercase hex digits (a SHA-256), was '" + sha256 + "'");
    }
  }

  /**
   * The version of a text, hashing its words.
   *
   * @param version the version name
   * @param text the exact text shown to participants
   * @return the version with the text's SHA-256
   * @throws InvalidInputException if the version is not a token or the text is empty
   */
  public static ConsentText of(String version, String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException("consent.text", "must not be empty");
    }
    return new ConsentText(version, sha256(text));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
