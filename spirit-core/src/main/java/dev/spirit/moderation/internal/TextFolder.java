package dev.spirit.moderation.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Folds single characters for matching, through one precomputed table over the Basic Multilingual
 * Plane. For each character, in this order:
 *
 * <ol>
 *   <li>format characters (zero-width spaces and joiners, word joiner, byte-order mark, soft
 *       hyphen, bidirectional controls) and combining marks are dropped;
 *   <li>Unicode NFKC (full-width and half-width forms, compatibility ideographs, ligatures, circled
 *       and mathematical letters);
 *   <li>NFD, then combining marks are stripped ({@code ś → s}, {@code ï → i});
 *   <li>Cyrillic and Greek letters that look like Latin ones become those Latin letters ({@code с →
 *       c}, {@code і → i}, {@code ο → o});
 *   <li>lower case (root locale);
 *   <li>traditional Chinese characters become simplified ones (table {@code t2s.txt}, 2,906
 *       one-to-one pairs).
 * </ol>
 *
 * <p>The result is classified as a Latin letter, a Han character, another letter, a digit, a
 * look-alike symbol ({@code @ $ ! |}), a space, a hard boundary (sentence punctuation {@code , . !
 * ? ; :} in their ASCII, full-width and CJK forms and line breaks; the ASCII full stop excepted: it
 * is used between letters to evade filters) or a soft separator (every other symbol or
 * punctuation). Digits and look-alike symbols are turned into letters by {@link NormalizedView}
 * depending on their neighbours.
 */
public final class TextFolder {
  /** Dropped: format characters and combining marks. */
  public static final byte DROP = 0;

  /** A Latin letter. */
  public static final byte LATIN = 1;

  /** A Han character. */
  public static final byte HAN = 2;

  /** A letter of another script. */
  public static final byte OTHER = 3;

  /** An ASCII digit. */
  public static final byte DIGIT = 4;

  /** A symbol that may stand for a letter: {@code @ $ ! |}. */
  public static final byte LEET_SYMBOL = 5;

  /** White space. */
  public static final byte SPACE = 6;

  /** A symbol or punctuation mark that may sit between the letters of a word. */
  public static final byte SOFT = 7;

  /** Sentence punctuation and line breaks, never skipped inside a match. */
  public static final byte HARD = 8;

  /** A character that folds to several letters (a ligature such as {@code ﬁ}). */
  public static final byte EXPANDS = 9;

  // Kind (upper 16 bits) and folded character (lower 16 bits) of every BMP character in one table,
  // so that folding a character touches one cache line, not two.
  private static final int[] TABLE = new int[65536];
  private static final Map<Character, String> EXPANSIONS = new HashMap<>();
  private static final char[] LEET = new char[128];

  static {
    Map<Character, Character> t2s = loadT2s();
    Map<Character, Character> confusables = confusables();
    for (int c = 0; c < 65536; c++) {
      if (Character.isSurrogate((char) c)) {
        TABLE[c] = (SOFT << 16) | c;
        continue;
      }
      String folded = foldSlow(String.valueOf((char) c), t2s, confusables);
      classify(c, folded);
    }
    String from = "013457@$!|";
    String to = "oieastasil";
    for (int i = 0; i < from.length(); i++) {
      LEET[from.charAt(i)] = to.charAt(i);
    }
  }

  private TextFolder() {}

  /**
   * The kind of a character after folding.
   *
   * @param c a UTF-16 unit (surrogates are classified {@link #SOFT}; use {@link #kindOf(int)})
   * @return one of the kind constants
   */
  public static byte kind(char c) {
    return (byte) (TABLE[c] >>> 16);
  }

  /**
   * The kind and the folded form of a character in one lookup.
   *
   * @param c a UTF-16 unit
   * @return the kind (see {@link #kind(char)}) in the upper 16 bits, the folded character (see
   *     {@link #fold(char)}) in the lower 16 bits
   */
  public static int kindAndFold(char c) {
    return TABLE[c];
  }

  /**
   * The folded form of a character whose kind is a letter, digit or symbol.
   *
   * @param c a UTF-16 unit
   * @return the folded character
   */
  public static char fold(char c) {
    return (char) TABLE[c];
  }

  /**
   * The letters a character of kind {@link #EXPANDS} folds to.
   *
   * @param c the character
   * @return its folded letters
   */
  public static String expansion(char c) {
    return Objects.requireNonNull(EXPANSIONS.get(c));
  }

  /**
   * The letter a digit or look-alike symbol stands for.
   *
   * @param c a folded digit or symbol
   * @return the letter, or 0 if it stands for none
   */
  public static char leet(char c) {
    return c < 128 ? LEET[c] : 0;
  }

  /**
   * The kind and folded form of a supplementary code point (slow path: NFKC at call time).
   *
   * @param codePoint a code point above U+FFFF
   * @return the folded BMP character it maps to, with the kind in the upper 16 bits
   */
  public static int foldSupplementary(int codePoint) {
    String nfkc =
        Normalizer.normalize(new String(Character.toChars(codePoint)), Normalizer.Form.NFKC);
    if (nfkc.length() == 1) {
      char c = nfkc.charAt(0);
      return TABLE[c];
    }
    int type = Character.getType(codePoint);
    if (type == Character.FORMAT
        || type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK) {
      return DROP << 16;
    }
    if (Character.isIdeographic(codePoint)) {
      // Rare ideographs outside the BMP fold to one private-use placeholder.
      return (HAN << 16) | 0xE000;
    }
    if (Character.isLetter(codePoint)) {
      return (OTHER << 16) | 0xE001;
    }
    return (SOFT << 16) | 0xE002;
  }

  private static String foldSlow(
      String s, Map<Character, Character> t2s, Map<Character, Character> confusables) {
    int type = Character.getType(s.charAt(0));
    if (type == Character.FORMAT
        || type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK) {
      return "";
    }
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
    n = Normalizer.normalize(n, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(n.length());
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      int t = Character.getType(c);
      if (t == Character.NON_SPACING_MARK
          || t == Character.ENCLOSING_MARK
          || t == Character.FORMAT) {
        continue;
      }
      Character conf = confusables.get(c);
      if (conf != null) {
        c = conf;
      }
      String lower = String.valueOf(c).toLowerCase(Locale.ROOT);
      for (int j = 0; j < lower.length(); j++) {
        char l = lower.charAt(j);
        Character lc = confusables.get(l);
        Character simplified = t2s.get(lc == null ? l : lc);
        out.append(simplified != null ? simplified : lc != null ? lc : l);
      }
    }
    return out.toString();
  }

  private static void classify(int original, String folded) {
    if (folded.isEmpty()) {
      TABLE[original] = DROP << 16;
      return;
    }
    if (folded.length() == 1) {
      char f = folded.charAt(0);
      TABLE[original] = (kindOfFolded(f) << 16) | f;
      return;
    }
    boolean letters = true;
    for (int i = 0; i < folded.length(); i++) {
      byte k = kindOfFolded(folded.charAt(i));
      letters &= k == LATIN || k == HAN || k == OTHER;
    }
    byte kind;
    if (letters) {
      kind = EXPANDS;
      EXPANSIONS.put((char) original, folded);
    } else {
      kind = isHard(original) ? HARD : SOFT;
    }
    TABLE[original] = (kind << 16) | original;
  }

  private static byte kindOfFolded(char f) {
    if (f >= 'a' && f <= 'z') {
      return LATIN;
    }
    if (f >= '0' && f <= '9') {
      return DIGIT;
    }
    if (f == '@' || f == '$' || f == '!' || f == '|') {
      return LEET_SYMBOL;
    }
    if (isHard(f)) {
      return HARD;
    }
    if (Character.isWhitespace(f) || Character.isSpaceChar(f)) {
      return SPACE;
    }
    if (Character.isIdeographic(f)) {
      return HAN;
    }
    if (Character.isLetter(f)) {
      return Character.UnicodeScript.of(f) == Character.UnicodeScript.LATIN ? LATIN : OTHER;
    }
    return SOFT;
  }

  private static boolean isHard(int c) {
    return c == ','
        || c == '?'
        || c == ';'
        || c == ':'
        || c == '\n'
        || c == '\r'
        || c == '\u3002'
        || c == '\uFF61'
        || c == '\u2026'
        || c == '\u2028'
        || c == '\u2029';
  }

  /**
   * Whether a folded character is a sentence boundary ({@code !} when it is not a look-alike).
   *
   * @param c the folded character
   * @return true for {@code !}
   */
  public static boolean isHardWhenNotLetter(char c) {
    return c == '!';
  }

  private static Map<Character, Character> loadT2s() {
    Map<Character, Character> map = new HashMap<>();
    try (InputStream in = TextFolder.class.getResourceAsStream("t2s.txt")) {
      if (in == null) {
        throw new IllegalStateException("resource t2s.txt missing from the spirit-core jar");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.length() == 2 && !line.startsWith("#")) {
          map.put(line.charAt(0), line.charAt(1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read t2s.txt", e);
    }
    return map;
  }

  private static Map<Character, Character> confusables() {
    Map<Character, Character> map = new HashMap<>();
    // Cyrillic letters that render like Latin ones (upper and lower case as drawn).
    put(map, "АаВЕеЅѕІіЈјКкМНнОоРрСсТтУуХхҺһԀԁӀԚԛԜԝҮү", "aabeessiijjkkmhhooppccttyyxxhhddlqqwwyy");
    // Greek letters that render like Latin ones.
    put(map, "ΑαΒβΕεΖΗΙιΚκΜΝνΟοΡρΤτΥυΧχωϹϲ", "aabbeezhiikkmnvooppttyuxxwcc");
    return map;
  }

  private static void put(Map<Character, Character> map, String from, String to) {
    if (from.length() != to.length()) {
      throw new IllegalStateException("confusable table misaligned: " + from);
    }
    for (int i = 0; i < from.length(); i++) {
      map.put(from.charAt(i), to.charAt(i));
    }
  }

  /**
   * The kind of a code point after folding.
   *
   * @param codePoint any code point
   * @return one of the kind constants
   */
  public static byte kindOf(int codePoint) {
    return codePoint < 65536
        ? (byte) (TABLE[codePoint] >>> 16)
        : (byte) (foldSupplementary(codePoint) >>> 16);
  }
}
