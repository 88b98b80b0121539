package dev.spirit.io.internal;

import dev.spirit.campaign.CampaignId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The idempotency key of an imported row without an explicit key: {@code import-} and the first 128
 * bits (32 hex digits) of SHA-256 over a version tag, the campaign, the source kind {@code import}
 * and the row's normalised values in a fixed field order (each value length-prefixed, so no two
 * different rows can be spelt alike). The file name and line number are not part of it.
 */
public final class ContentKey {
  private static final String PREFIX = "import-";
  private static final String VERSION = "spirit-import-key/1";
  private static final String SOURCE_KIND = "import";

  private ContentKey() {}

  /**
   * The key of a row.
   *
   * @param campaign the campaign it goes to
   * @param values its normalised values, in a fixed order
   * @return the key, 39 ASCII characters
   */
  public static String of(CampaignId campaign, List<String> values) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
    update(sha, VERSION);
    update(sha, campaign.toString());
    update(sha, SOURCE_KIND);
    for (String v : values) {
      update(sha, v);
    }
    return PREFIX + HexFormat.of().formatHex(sha.digest(), 0, 16);
  }

  private static void update(MessageDigest sha, String value) {
    byte[] b = value.getBytes(StandardCharsets.UTF_8);
    sha.update(
        new byte[] {
          (byte) (b.length >>> 24),
          (byte) (b.length >>> 16),
          (byte) (b.length >>> 8),
          (byte) b.length
        });
    sha.update(b);
  }
}
