package dev.spirit.moderation.state;

import dev.spirit.error.InvalidInputException;
import dev.spirit.moderation.internal.Shingles;
import dev.spirit.participant.ParticipantId;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * What the duplicate rule remembers of a text: who gave it, a 64-bit hash of its folded form (exact
 * duplicates), its character shingles as hashes (the exact Jaccard similarity) and their MinHash
 * signature (the prefilter). Immutable. Its encoded form ({@link #encode()}, read back by {@link
 * #decode}) holds no text, only hashes, so a backend can persist it without keeping what a
 * participant wrote; a mark made by {@link #of} keeps the folded text in memory until it is encoded
 * or dropped (an in-memory state holds it like the rule's history always did).
 */
public final class TextMark {
  private static final String VERSION = "m1";

  private final ParticipantId owner;
  private final long textHash;
  private final int shingleCount;
  private final int[] signature;
  // Exactly one of these is set. A mark made here keeps the folded text, not its shingles: a
  // remembered text lives for about 100,000 submissions, long enough for the collector to copy
  // it, and the shingles are about twice the bytes of the text; they are recomputed for the few
  // pairs that pass the size and MinHash checks. A decoded mark has only the shingles.
  private final @Nullable String folded;
  private final int @Nullable [] shingles;

  private TextMark(
      ParticipantId owner,
      long textHash,
      int shingleCount,
      int[] signature,
      @Nullable String folded,
      int @Nullable [] shingles) {
    this.owner = owner;
    this.textHash = textHash;
    this.shingleCount = shingleCount;
    this.signature = signature;
    this.folded = folded;
    this.shingles = shingles;
  }

  /**
   * The mark of a folded text.
   *
   * @param owner the participant who gave it
   * @param folded the folded text (as the lexicon folds it)
   * @return the mark
   */
  public static TextMark of(ParticipantId owner, String folded) {
    int[] shingles = Shingles.of(folded);
    return new TextMark(
        owner, hash64(folded), shingles.length, Shingles.signature(shingles), folded, null);
  }

  /**
   * FNV-1a over the UTF-16 units, then a final mix: cheap, and collisions between the at most 48
   * texts compared are negligible (about 2^-58).
   */
  private static long hash64(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h;
  }

  /**
   * The participant who gave the text.
   *
   * @return the owner
   */
  public ParticipantId owner() {
    return owner;
  }

  /**
   * A copy of this mark owned by someone else (backends that key state by a hash of the participant
   * use it).
   *
   * @param other the owner to record
   * @return the copy
   */
  public TextMark ownedBy(ParticipantId other) {
    return new TextMark(other, textHash, shingleCount, signature, folded, shingles);
  }

  /**
   * Whether the two texts are the same folded text.
   *
   * @param other another mark
   * @return true if their hashes agree
   */
  public boolean sameText(TextMark other) {
    return textHash == other.textHash;
  }

  /**
   * How many distinct shingles the text has.
   *
   * @return the count
   */
  public int shingleCount() {
    return shingleCount;
  }

  private int[] shingles() {
    int[] kept = shingles;
    if (kept != null) {
      return kept;
    }
    String text = folded;
    return text == null ? new int[0] : Shingles.of(text);
  }

  /**
   * How many of the {@link Shingles#SIGNATURE_SIZE} MinHash positions agree.
   *
   * @param other another mark
   * @return 0 to 16
   */
  public int agreement(TextMark other) {
    return Shingles.agreement(signature, other.signature);
  }

  /**
   * The Jaccard similarity of the two shingle sets.
   *
   * @param other another mark
   * @return 0 to 1
   */
  public double jaccard(TextMark other) {
    return Shingles.jaccard(shingles(), other.shingles());
  }

  /**
   * A compact ASCII form (hexadecimal), without the owner: {@code
   * m1:<hash>:<shingles>:<signature>}.
   *
   * @return the encoded mark, 64 characters plus 8 per shingle
   */
  public String encode() {
    int[] all = shingles();
    StringBuilder sb = new StringBuilder(40 + 8 * (all.length + signature.length));
    sb.append(VERSION).append(':').append(Long.toHexString(textHash)).append(':');
    appendHex(sb, all);
    sb.append(':');
    appendHex(sb, signature);
    return sb.toString();
  }

  private static void appendHex(StringBuilder sb, int[] values) {
    for (int v : values) {
      String hex = Integer.toHexString(v);
      sb.append("00000000", hex.length(), 8).append(hex);
    }
  }

  /**
   * Reads a mark written by {@link #encode()}.
   *
   * @param owner who gave the text
   * @param encoded the encoded form
   * @return the mark
   * @throws InvalidInputException if the form is not one {@link #encode()} writes
   */
  public static TextMark decode(ParticipantId owner, String encoded) {
    String[] parts = encoded.split(":", -1);
    if (parts.length != 4 || !parts[0].equals(VERSION)) {
      throw new InvalidInputException(
          "textMark", "not an encoded text mark: " + abbreviate(encoded));
    }
    try {
      long hash = Long.parseUnsignedLong(parts[1], 16);
      int[] shingles = parseHex(parts[2]);
      int[] signature = parseHex(parts[3]);
      if (signature.length != Shingles.SIGNATURE_SIZE) {
        throw new InvalidInputException(
            "textMark", "the signature has " + signature.length + " positions, not 16");
      }
      return new TextMark(owner, hash, shingles.length, signature, null, shingles);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          "textMark", "not an encoded text mark: " + abbreviate(encoded));
    }
  }

  private static int[] parseHex(String hex) {
    if (hex.length() % 8 != 0) {
      throw new NumberFormatException("length " + hex.length());
    }
    int[] out = new int[hex.length() / 8];
    for (int i = 0; i < out.length; i++) {
      out[i] = Integer.parseUnsignedInt(hex, i * 8, i * 8 + 8, 16);
    }
    return out;
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof TextMark m
        && owner.equals(m.owner)
        && textHash == m.textHash
        && Arrays.equals(signature, m.signature)
        && Arrays.equals(shingles(), m.shingles());
  }

  @Override
  public int hashCode() {
    return Long.hashCode(textHash) * 31 + owner.hashCode();
  }

  @Override
  public String toString() {
    return "TextMark[" + owner + ", " + Long.toHexString(textHash) + "]";
  }
}
