package dev.spirit.aggregation.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Keys that decide when two slogans are "the same" or "nearly the same".
 *
 * <ul>
 *   <li>The <b>exact key</b> of a (simplified, normalized) text: lowercase, every run of
 *       punctuation, symbols and spaces removed, except one space kept between two Latin words.
 *       "山水之城，美丽之地！" and "山水之城 美丽之地" share the key {@code 山水之城美丽之地}; "A City of Mountains!" has the
 *       key {@code a city of mountains}.
 *   <li>The <b>skeleton</b> of an exact key: Han characters and digits as they are, English words
 *       stemmed and English stop words dropped, all concatenated: "a city of mountains" → {@code
 *       citymountain}.
 *   <li><b>Near-duplicates</b>: two skeletons of at least a minimum length (in code points) that
 *       become equal after removing at most one character from each (one substitution, insertion,
 *       deletion or adjacent swap). Found through shared deletion variants, so grouping costs
 *       O(keys × length), not O(keys²).
 * </ul>
 */
public final class SloganKeys {
  private SloganKeys() {}

  /**
   * The exact key of a text already converted to simplified Chinese.
   *
   * @param simplified the text
   * @return the key, possibly empty if the text has no letters or digits
   */
  public static String exactKey(String simplified) {
    StringBuilder out = new StringBuilder(simplified.length());
    boolean pendingSpace = false;
    int previous = -1;
    for (int i = 0; i < simplified.length(); ) {
      int cp = simplified.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isLetterOrDigit(cp)) {
        pendingSpace = out.length() > 0;
        continue;
      }
      int lower = Character.toLowerCase(cp);
      if (pendingSpace && isLatin(previous) && isLatin(lower)) {
        out.append(' ');
      }
      pendingSpace = false;
      out.appendCodePoint(lower);
      previous = lower;
    }
    return out.toString();
  }

  /**
   * The skeleton of an exact key.
   *
   * @param exactKey a key from {@link #exactKey}
   * @return the skeleton
   */
  public static String skeleton(String exactKey) {
    StringBuilder out = new StringBuilder(exactKey.length());
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < exactKey.length(); ) {
      int cp = exactKey.codePointAt(i);
      i += Character.charCount(cp);
      if (isLatin(cp)) {
        word.appendCodePoint(cp);
        continue;
      }
      flushWord(word, out);
      if (cp != ' ') {
        out.appendCodePoint(cp);
      }
    }
    flushWord(word, out);
    return out.toString();
  }

  private static void flushWord(StringBuilder word, StringBuilder out) {
    if (word.length() == 0) {
      return;
    }
    String w = word.toString().toLowerCase(Locale.ROOT);
    if (!StopWords.english().contains(w)) {
      out.append(EnglishStemmer.stem(w));
    }
    word.setLength(0);
  }

  /**
   * The skeleton itself and every string made by removing one code point from it: two skeletons are
   * near-duplicates exactly when these sets intersect.
   *
   * @param skeleton a skeleton
   * @return its deletion variants, the skeleton first
   */
  public static Set<String> deletionVariants(String skeleton) {
    int[] cps = skeleton.codePoints().toArray();
    Set<String> variants = new LinkedHashSet<>();
    variants.add(skeleton);
    for (int skip = 0; skip < cps.length; skip++) {
      StringBuilder b = new StringBuilder(skeleton.length());
      for (int j = 0; j < cps.length; j++) {
        if (j != skip) {
          b.appendCodePoint(cps[j]);
        }
      }
      variants.add(b.toString());
    }
    return variants;
  }

  /**
   * Whether two skeletons are near-duplicates (see the class description).
   *
   * @param a a skeleton
   * @param b another
   * @param minLength the minimum length in code points both must have
   * @return true if near-duplicates
   */
  public static boolean nearDuplicates(String a, String b, int minLength) {
    if (a.equals(b)) {
      return true;
    }
    if (a.codePointCount(0, a.length()) < minLength
        || b.codePointCount(0, b.length()) < minLength) {
      return false;
    }
    List<String> va = new ArrayList<>(deletionVariants(a));
    Set<String> vb = deletionVariants(b);
    for (String v : va) {
      if (vb.contains(v)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLatin(int cp) {
    // Fast answers for ASCII and the common Han block; the script lookup is a binary search.
    if (cp < 0x80) {
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    }
    if (cp >= 0x4E00 && cp <= 0x9FFF) {
      return false;
    }
    return Character.isLetter(cp)
        && Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN;
  }
}
