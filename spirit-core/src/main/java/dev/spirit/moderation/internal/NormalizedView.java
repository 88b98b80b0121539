package dev.spirit.moderation.internal;

import org.jspecify.annotations.Nullable;

/**
 * The folded view of a text that the lexicon automaton runs over: one symbol per letter, each
 * mapped back to the range of the original text it came from. Built by {@link #of(String)}.
 *
 * <p>Besides {@link TextFolder}'s per-character folding, the view:
 *
 * <ul>
 *   <li>turns digits and look-alike symbols into letters ({@code 0→o 1→i 3→e 4→a 5→s 7→t @→a $→s
 *       !→i |→l}) when they stand among Latin letters: when their white-space delimited token holds
 *       a Latin letter, or when the token is that single character and a neighbouring token is a
 *       single Latin letter ({@code p 0 r n}); {@code !} and {@code |} only inside a word, so
 *       {@code FUCK!!!} keeps its exclamation marks;
 *   <li>leaves separators (space, symbols, punctuation) out of the symbols, but records before each
 *       symbol how many separators were skipped and whether a hard boundary was among them;
 *   <li>collapses runs of one repeated Latin letter into one symbol that remembers the run length,
 *       so matching can accept {@code caaasino} for {@code casino} while telling {@code cassino} (a
 *       double letter, common in ordinary words) from it.
 * </ul>
 *
 * <p>Not folded: other homoglyphs (Armenian, Cherokee, mathematical look-alikes that NFKC does not
 * map), letters spelled by several symbols ({@code |\/|}), phonetic spellings ({@code fuk}), pinyin
 * and homophones of Chinese terms, splitting by hard punctuation, and separators between the
 * letters of a double letter ({@code f o l l o w}).
 */
public final class NormalizedView {
  /** Cap of the separator count recorded before a symbol. */
  public static final int MAX_GAP = 127;

  // Per symbol: the folded character, its range in the original, and in one int (so that appending
  // a symbol is four stores, not seven) its kind (bits 0-7), the separators skipped before it
  // (bits 8-15), whether a hard boundary was among them (bit 16) and its run length (bits 24-31).
  private char[] chars;
  private int[] starts;
  private int[] ends;
  private int[] meta;
  private int length;

  private static final int GAP_SHIFT = 8;
  private static final int HARD_BIT = 1 << 16;
  private static final int RUN_SHIFT = 24;
  private static final int RUN_ONE = 1 << RUN_SHIFT;
  private static final int MAX_RUN = 100;

  // Per-thread buffers of the per-code-point pass, reused across texts (only for transient views).
  private byte[] scratchKind = new byte[0];
  private char[] scratchCh = new char[0];
  private int[] scratchAt = new int[0];
  private char[] source = new char[0];
  // The text a transient view was last built from: the rules of one pipeline run fold the same
  // string one after another on one thread (the lexicon, then the duplicate rule), and a string
  // does not change, so the second fold is the first one's view.
  private @Nullable String builtFrom;

  private NormalizedView(int capacity) {
    allocate(capacity);
  }

  private void allocate(int capacity) {
    chars = new char[capacity];
    starts = new int[capacity];
    ends = new int[capacity];
    meta = new int[capacity];
  }

  private static final ThreadLocal<NormalizedView> REUSED =
      ThreadLocal.withInitial(() -> new NormalizedView(64));

  private void ensureScratch(int n) {
    if (scratchKind.length < n) {
      int size = Math.max(Math.max(n, 64), scratchKind.length * 2);
      scratchKind = new byte[size];
      scratchCh = new char[size];
      scratchAt = new int[size + 1];
    }
  }

  /**
   * Builds the view of a text.
   *
   * @param text the original text
   * @return its view
   */
  public static NormalizedView of(String text) {
    return build(text, null);
  }

  /**
   * Builds the view of a text into a per-thread instance that the next call on the same thread
   * overwrites: for callers that finish with the view before building another (no allocation).
   *
   * @param text the original text
   * @return its view, valid until this thread's next call
   */
  @SuppressWarnings("ReferenceEquality") // the same instance, not an equal string: see builtFrom
  public static NormalizedView ofTransient(String text) {
    NormalizedView reused = REUSED.get();
    if (reused.builtFrom == text) {
      return reused;
    }
    reused.builtFrom = null; // while it is rebuilt, in case the build throws
    NormalizedView view = build(text, reused);
    reused.builtFrom = text;
    return view;
  }

  /**
   * Builds the view without the one-pass shortcut for plain texts, so tests can check that the
   * shortcut gives exactly the view the general path gives.
   */
  static NormalizedView ofGeneralPath(String text) {
    return build(text, null, false);
  }

  private static NormalizedView build(String text, @Nullable NormalizedView reuse) {
    return build(text, reuse, true);
  }

  private static NormalizedView build(
      String text, @Nullable NormalizedView reuse, boolean plainShortcut) {
    int n = text.length();
    NormalizedView view;
    if (reuse == null) {
      view = new NormalizedView(n + 1);
    } else {
      view = reuse;
      if (view.chars.length < n + 1) {
        view.allocate(Math.max(n + 1, view.chars.length * 2));
      }
    }
    // Most texts hold neither digits, look-alike symbols, ligatures nor surrogates: one pass then
    // builds the symbols straight from the text. It gives up (and the general path below redoes the
    // text) as soon as it meets one of those.
    if (plainShortcut && view.buildPlain(text)) {
      return view;
    }
    NormalizedView scratchOwner = reuse != null ? reuse : REUSED.get();
    scratchOwner.ensureScratch(n + 1);
    byte[] kind = scratchOwner.scratchKind;
    char[] ch = scratchOwner.scratchCh;
    int[] at = scratchOwner.scratchAt;
    // Pass 1: fold each code point.
    int count = 0;
    int expansions = 0;
    boolean lookAlikes = false;
    for (int i = 0; i < n; ) {
      char c = text.charAt(i);
      at[count] = i;
      if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        int folded = TextFolder.foldSupplementary(Character.toCodePoint(c, text.charAt(i + 1)));
        kind[count] = (byte) (folded >>> 16);
        lookAlikes |= kind[count] == TextFolder.DIGIT || kind[count] == TextFolder.LEET_SYMBOL;
        ch[count] = (char) folded;
        i += 2;
      } else {
        int folded = TextFolder.kindAndFold(c);
        byte k = (byte) (folded >>> 16);
        lookAlikes |= k == TextFolder.DIGIT || k == TextFolder.LEET_SYMBOL;
        kind[count] = k;
        ch[count] = (char) folded;
        if (k == TextFolder.EXPANDS) {
          expansions += TextFolder.expansion(c).length();
        }
        i++;
      }
      count++;
    }
    at[count] = n;
    if (lookAlikes) {
      resolveLookAlikes(kind, ch, count);
    }
    int capacity = count + expansions + 1;
    if (view.chars.length < capacity) {
      view.allocate(Math.max(capacity, view.chars.length * 2));
    }
    view.build(text, kind, ch, at, count);
    return view;
  }

  /**
   * The one-pass build for texts without digits, look-alike symbols, characters that expand and
   * surrogates: exactly what {@link #build(String, byte[], char[], int[], int)} gives for them
   * (each code point is one UTF-16 unit, no look-alike is resolved), without the intermediate
   * arrays.
   *
   * @return false, with the view in an unspecified state, if the text holds one of those
   */
  private boolean buildPlain(String text) {
    int n = text.length();
    // One bulk copy instead of a String.charAt (coder test and bounds check) per character.
    char[] source = this.source;
    if (source.length < n) {
      source = new char[Math.max(n, 64)];
      this.source = source;
    }
    text.getChars(0, n, source, 0);
    char[] chars = this.chars;
    int[] starts = this.starts;
    int[] ends = this.ends;
    int[] meta = this.meta;
    int gap = 0;
    int hardSeen = 0;
    int len = 0;
    for (int i = 0; i < n; i++) {
      char c = source[i];
      if (Character.isSurrogate(c)) {
        return false;
      }
      int folded = TextFolder.kindAndFold(c);
      int k = folded >>> 16;
      // Tests in order of frequency rather than a switch (whose jump on each character's kind was
      // the hottest spot of the profile).
      if (k >= TextFolder.LATIN && k <= TextFolder.OTHER) {
        char f = (char) folded;
        if (k == TextFolder.LATIN && hardSeen == 0 && len > 0 && gap <= 3) {
          int previous = meta[len - 1];
          if (chars[len - 1] == f && (previous & 0xFF) == TextFolder.LATIN) {
            boolean extend;
            if (gap == 0) {
              // A repeated letter: extend the previous symbol.
              extend = true;
            } else {
              // A spaced double letter ("a s s", "f o l l o w"): one symbol with a run of 2.
              int end = plainIsolatedEnd(source, n, i);
              if (end < 0) {
                return false;
              }
              extend = isolatedStart(len - 1) && end == 1;
            }
            if (extend) {
              ends[len - 1] = i + 1;
              if ((previous >>> RUN_SHIFT) < MAX_RUN) {
                meta[len - 1] = previous + RUN_ONE;
              }
              gap = 0;
              continue;
            }
          }
        }
        chars[len] = f;
        starts[len] = i;
        ends[len] = i + 1;
        meta[len] = k | (Math.min(gap, MAX_GAP) << GAP_SHIFT) | hardSeen | RUN_ONE;
        len++;
        gap = 0;
        hardSeen = 0;
      } else if (k == TextFolder.SPACE || k == TextFolder.SOFT) {
        gap++;
      } else if (k == TextFolder.HARD) {
        gap++;
        hardSeen = HARD_BIT;
      } else if (k != TextFolder.DROP) {
        return false; // a digit, a look-alike symbol or a character that expands
      }
    }
    length = len;
    return true;
  }

  /**
   * {@link #isolatedEnd} on the plain path: 1 if the letter at {@code i} is not followed (past
   * dropped characters) by a letter, 0 if it is, -1 if what follows needs the general path.
   */
  private static int plainIsolatedEnd(char[] text, int n, int i) {
    for (int j = i + 1; j < n; j++) {
      char c = text[j];
      if (Character.isSurrogate(c)) {
        return -1;
      }
      int k = TextFolder.kind(c);
      switch (k) {
        case TextFolder.DROP:
          continue;
        case TextFolder.DIGIT:
        case TextFolder.LEET_SYMBOL:
        case TextFolder.EXPANDS:
          return -1;
        case TextFolder.LATIN:
          return 0;
        default:
          return 1;
      }
    }
    return 1;
  }

  private static void resolveLookAlikes(byte[] kind, char[] ch, int count) {
    // Tokens are delimited by white space and hard boundaries.
    int start = 0;
    for (int i = 0; i <= count; i++) {
      boolean boundary = i == count || kind[i] == TextFolder.SPACE || kind[i] == TextFolder.HARD;
      if (!boundary) {
        continue;
      }
      if (i > start) {
        resolveToken(kind, ch, start, i, count);
      }
      start = i + 1;
    }
  }

  private static void resolveToken(byte[] kind, char[] ch, int from, int to, int count) {
    boolean latin = false;
    boolean candidates = false;
    for (int i = from; i < to; i++) {
      latin |= kind[i] == TextFolder.LATIN;
      candidates |= kind[i] == TextFolder.DIGIT || kind[i] == TextFolder.LEET_SYMBOL;
    }
    if (!candidates) {
      return;
    }
    if (latin && toneDigits(kind, ch, from, to)) {
      return;
    }
    if (!latin && to - from == 1) {
      // A lone digit between lone letters: "p 0 r n".
      latin =
          isLoneLatinNeighbour(kind, from - 1, -1, count)
              || isLoneLatinNeighbour(kind, to, 1, count);
    }
    for (int i = from; i < to; i++) {
      byte k = kind[i];
      if (k != TextFolder.DIGIT && k != TextFolder.LEET_SYMBOL) {
        continue;
      }
      char letter = TextFolder.leet(ch[i]);
      boolean inner =
          ch[i] != '!' && ch[i] != '|'
              || hasLatinBefore(kind, from, i) && hasLetterAfter(kind, ch, i, to);
      if (latin && letter != 0 && inner) {
        kind[i] = TextFolder.LATIN;
        ch[i] = letter;
      } else {
        kind[i] = TextFolder.isHardWhenNotLetter(ch[i]) ? TextFolder.HARD : TextFolder.SOFT;
      }
    }
  }

  /**
   * Pinyin written with tone digits ({@code du3chang3}, {@code du3-chang3}): if every run of
   * letters and digits of the token is syllables each followed by at most one tone digit 1–5, with
   * at least one digit, the digits are dropped (so the token reads {@code duchang}) and the token
   * is done. Leet words do not parse so ({@code ca5ino}: {@code ino} is no syllable sequence;
   * {@code pu55y}: two digits in a row), and keep their look-alike letters.
   */
  private static boolean toneDigits(byte[] kind, char[] ch, int from, int to) {
    boolean anyDigit = false;
    StringBuilder letters = new StringBuilder();
    for (int i = from; i <= to; i++) {
      byte k = i < to ? kind[i] : TextFolder.SOFT;
      if (k == TextFolder.DROP) {
        continue;
      }
      if (k == TextFolder.LATIN) {
        letters.append(ch[i]);
        continue;
      }
      if (k == TextFolder.DIGIT && ch[i] >= '1' && ch[i] <= '5') {
        if (letters.length() == 0 || !ChineseFolding.isSyllables(letters)) {
          return false;
        }
        letters.setLength(0);
        anyDigit = true;
        continue;
      }
      if (k == TextFolder.DIGIT || k == TextFolder.LEET_SYMBOL) {
        return false; // another digit, or a look-alike symbol: not pinyin
      }
      // A separator ends a run: what it holds after its last digit must be syllables too.
      if (letters.length() > 0 && !ChineseFolding.isSyllables(letters)) {
        return false;
      }
      letters.setLength(0);
    }
    if (!anyDigit) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (kind[i] == TextFolder.DIGIT) {
        kind[i] = TextFolder.DROP;
      }
    }
    return true;
  }

  private static boolean hasLatinBefore(byte[] kind, int from, int i) {
    for (int j = i - 1; j >= Math.max(from, i - 4); j--) {
      if (kind[j] == TextFolder.LATIN) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasLetterAfter(byte[] kind, char[] ch, int i, int to) {
    for (int j = i + 1; j < Math.min(to, i + 5); j++) {
      if (kind[j] == TextFolder.LATIN
          || kind[j] == TextFolder.DIGIT && TextFolder.leet(ch[j]) != 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the token next to position {@code edge} (walking by {@code step}) is one Latin letter.
   */
  private static boolean isLoneLatinNeighbour(byte[] kind, int edge, int step, int count) {
    int i = edge;
    int seps = 0;
    while (i >= 0 && i < count && (kind[i] == TextFolder.SPACE || kind[i] == TextFolder.DROP)) {
      i += step;
      if (++seps > 3) {
        return false;
      }
    }
    if (i < 0 || i >= count || kind[i] != TextFolder.LATIN) {
      return false;
    }
    int after = i + step;
    while (after >= 0 && after < count && kind[after] == TextFolder.DROP) {
      after += step;
    }
    return after < 0
        || after >= count
        || kind[after] == TextFolder.SPACE
        || kind[after] == TextFolder.HARD;
  }

  private void build(String text, byte[] kind, char[] ch, int[] at, int count) {
    int gap = 0;
    boolean hardSeen = false;
    int len = 0;
    for (int i = 0; i < count; i++) {
      byte k = kind[i];
      switch (k) {
        case TextFolder.DROP:
          break;
        case TextFolder.SPACE:
        case TextFolder.SOFT:
        case TextFolder.DIGIT:
        case TextFolder.LEET_SYMBOL:
          gap++;
          break;
        case TextFolder.HARD:
          gap++;
          hardSeen = true;
          break;
        case TextFolder.EXPANDS:
          {
            String letters = TextFolder.expansion(text.charAt(at[i]));
            for (int j = 0; j < letters.length(); j++) {
              char f = letters.charAt(j);
              byte fk = TextFolder.kind(f);
              len = append(len, f, fk, at[i], at[i + 1], j == 0 ? gap : 0, j == 0 && hardSeen);
            }
            gap = 0;
            hardSeen = false;
            break;
          }
        default:
          {
            char f = ch[i];
            if (k == TextFolder.LATIN
                && gap == 0
                && !hardSeen
                && len > 0
                && chars[len - 1] == f
                && kind(len - 1) == TextFolder.LATIN) {
              // A repeated letter: extend the previous symbol.
              ends[len - 1] = at[i + 1];
              if (run(len - 1) < MAX_RUN) {
                meta[len - 1] += RUN_ONE;
              }
            } else if (k == TextFolder.LATIN
                && gap > 0
                && gap <= 3
                && !hardSeen
                && len > 0
                && chars[len - 1] == f
                && kind(len - 1) == TextFolder.LATIN
                && isolatedStart(len - 1)
                && isolatedEnd(kind, i, count)) {
              // A spaced double letter ("a s s", "f o l l o w"): one symbol with a run of 2.
              ends[len - 1] = at[i + 1];
              if (run(len - 1) < MAX_RUN) {
                meta[len - 1] += RUN_ONE;
              }
            } else {
              len = append(len, f, k, at[i], at[i + 1], gap, hardSeen);
            }
            gap = 0;
            hardSeen = false;
          }
      }
    }
    length = len;
  }

  private boolean isolatedStart(int symbol) {
    return symbol == 0 || gapBefore(symbol) > 0 || kind(symbol - 1) != TextFolder.LATIN;
  }

  private static boolean isolatedEnd(byte[] kind, int i, int count) {
    int j = i + 1;
    while (j < count && kind[j] == TextFolder.DROP) {
      j++;
    }
    return j >= count || kind[j] != TextFolder.LATIN && kind[j] != TextFolder.EXPANDS;
  }

  private int append(int len, char f, byte k, int start, int end, int gap, boolean hardBefore) {
    chars[len] = f;
    starts[len] = start;
    ends[len] = end;
    meta[len] =
        (k & 0xFF) | (Math.min(gap, MAX_GAP) << GAP_SHIFT) | (hardBefore ? HARD_BIT : 0) | RUN_ONE;
    return len + 1;
  }

  /**
   * Number of symbols.
   *
   * @return the length
   */
  public int length() {
    return length;
  }

  /**
   * The folded character of a symbol.
   *
   * @param i index
   * @return the character
   */
  public char charAt(int i) {
    return chars[i];
  }

  /**
   * The folded characters of all symbols (shared array; valid up to {@link #length()}).
   *
   * @return the characters
   */
  public char[] chars() {
    return chars;
  }

  /**
   * Where a symbol starts in the original text.
   *
   * @param i index
   * @return UTF-16 index, inclusive
   */
  public int start(int i) {
    return starts[i];
  }

  /**
   * Where a symbol ends in the original text.
   *
   * @param i index
   * @return UTF-16 index, exclusive
   */
  public int end(int i) {
    return ends[i];
  }

  /**
   * How many times the symbol's letter was repeated in a row.
   *
   * @param i index
   * @return at least 1 (capped at 100)
   */
  public int run(int i) {
    return meta[i] >>> RUN_SHIFT;
  }

  /**
   * How many separators were skipped before a symbol.
   *
   * @param i index
   * @return 0 if the symbol directly follows the previous one
   */
  public int gapBefore(int i) {
    return (meta[i] >>> GAP_SHIFT) & 0xFF;
  }

  /**
   * Whether a hard boundary (sentence punctuation, line break) lies before a symbol.
   *
   * @param i index
   * @return true if so
   */
  public boolean hardBefore(int i) {
    return (meta[i] & HARD_BIT) != 0;
  }

  /**
   * The kind of a symbol: {@link TextFolder#LATIN}, {@link TextFolder#HAN} or {@link
   * TextFolder#OTHER}.
   *
   * @param i index
   * @return the kind
   */
  public byte kind(int i) {
    return (byte) meta[i];
  }

  /**
   * The length of the symbol's segment: the run of symbols of its kind without separators.
   *
   * @param i index
   * @return at least 1
   */
  public int segment(int i) {
    int from = i;
    while (from > 0 && gapBefore(from) == 0 && kind(from - 1) == kind(from)) {
      from--;
    }
    int to = i;
    while (to + 1 < length && gapBefore(to + 1) == 0 && kind(to + 1) == kind(to)) {
      to++;
    }
    return to - from + 1;
  }

  /**
   * The view as a string of folded characters, for tests and diagnostics.
   *
   * @return the folded characters
   */
  @Override
  public String toString() {
    return new String(chars, 0, length);
  }
}
