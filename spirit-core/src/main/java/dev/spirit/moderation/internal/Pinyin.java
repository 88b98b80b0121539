package dev.spirit.moderation.internal;

import com.hankcs.hanlp.HanLP;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Toneless pinyin syllables: a numbered table of every syllable HanLP knows, the syllable of every
 * Han character of the Basic Multilingual Plane, and the split of a Latin token into syllables.
 *
 * <p>{@code ü} is written {@code u} ({@code lü} and {@code lu} are one syllable here): people
 * writing pinyin on a keyboard type {@code lu}, {@code lv} or {@code lü} for it. Syllable numbers
 * start at 1; 0 means "no syllable". Built once per JVM on first use from HanLP's bundled pinyin
 * dictionary (nothing is downloaded).
 */
public final class Pinyin {
  private static final int MAX_SYLLABLE = 6;

  private static final class Tables {
    static final Map<String, Integer> IDS = new HashMap<>();
    static final List<String> NAMES = new ArrayList<>();
    static final short[] OF_CHAR = new short[65536];

    static {
      NAMES.add("");
      for (com.hankcs.hanlp.dictionary.py.Pinyin p : com.hankcs.hanlp.dictionary.py.Pinyin.values()) {
        if (p != com.hankcs.hanlp.dictionary.py.Pinyin.none5) {
          idOf(normalise(p.getPinyinWithoutTone()));
        }
      }
      for (int c = 0x3400; c < 0xA000; c++) {
        if (Character.isIdeographic(c)) {
          OF_CHAR[c] = (short) readingOf((char) c);
        }
      }
    }

    // Open-addressed table from a syllable packed 5 bits per letter to its number, so that
    // splitting a token allocates no strings.
    static final int[] PACKED_KEYS = new int[2048];
    static final short[] PACKED_IDS = new short[2048];

    static {
      for (Map.Entry<String, Integer> e : IDS.entrySet()) {
        int key = pack(e.getKey().toCharArray(), 0, e.getKey().length());
        int slot = (key * 0x9E3779B1 >>> 21) & 2047;
        while (PACKED_KEYS[slot] != 0) {
          slot = (slot + 1) & 2047;
        }
        PACKED_KEYS[slot] = key;
        PACKED_IDS[slot] = (short) (int) e.getValue();
      }
    }

    static int pack(char[] letters, int from, int len) {
      int key = 0;
      for (int i = from; i < from + len; i++) {
        int l = letters[i] - 'a' + 1;
        if (l < 1 || l > 26) {
          return 0;
        }
        key = key << 5 | l;
      }
      return key;
    }

    static int lookup(char[] letters, int from, int len) {
      int key = pack(letters, from, len);
      if (key == 0) {
        return 0;
      }
      int slot = (key * 0x9E3779B1 >>> 21) & 2047;
      while (PACKED_KEYS[slot] != 0) {
        if (PACKED_KEYS[slot] == key) {
          return PACKED_IDS[slot];
        }
        slot = (slot + 1) & 2047;
      }
      return 0;
    }

    static int idOf(String syllable) {
      Integer id = IDS.get(syllable);
      if (id == null) {
        id = NAMES.size();
        NAMES.add(syllable);
        IDS.put(syllable, id);
      }
      return id;
    }

    static int readingOf(char c) {
      List<com.hankcs.hanlp.dictionary.py.Pinyin> list =
          HanLP.convertToPinyinList(String.valueOf(c));
      if (list.isEmpty() || list.get(0) == com.hankcs.hanlp.dictionary.py.Pinyin.none5) {
        return 0;
      }
      Integer id = IDS.get(normalise(list.get(0).getPinyinWithoutTone()));
      return id == null ? 0 : id;
    }
  }

  private Pinyin() {}

  private static String normalise(String syllable) {
    return syllable.toLowerCase(Locale.ROOT).replace('v', 'u').replace('ü', 'u');
  }

  /**
   * Loads the tables now (HanLP's pinyin dictionary, some 0.4 s once per JVM), so that the first
   * text checked does not pay for it.
   */
  public static void warmUp() {
    if (Tables.NAMES.isEmpty()) {
      throw new IllegalStateException("pinyin tables empty");
    }
  }

  /**
   * The syllable of a Han character, as read on its own.
   *
   * @param c a folded (simplified) Han character
   * @return its syllable number, 0 if it has none
   */
  public static int ofChar(char c) {
    return Tables.OF_CHAR[c];
  }

  /**
   * The number of a toneless syllable.
   *
   * @param syllable e.g. {@code chang}
   * @return its number, 0 if it is not a pinyin syllable
   */
  public static int id(String syllable) {
    Integer id = Tables.IDS.get(normalise(syllable));
    return id == null ? 0 : id;
  }

  /**
   * The readings of a Han term: the word reading HanLP gives (which knows polyphones in context,
   * {@code 银行} is {@code yin hang}) and, if different, the reading of its characters one by one
   * (which is what the text side uses for homophones).
   *
   * @param term a simplified Han term
   * @return one or two syllable strings (one char per syllable number), empty if a character has no
   *     reading
   */
  public static List<String> readings(String term) {
    List<String> out = new ArrayList<>(2);
    StringBuilder word = new StringBuilder(term.length());
    for (com.hankcs.hanlp.dictionary.py.Pinyin p : HanLP.convertToPinyinList(term)) {
      int id = p == com.hankcs.hanlp.dictionary.py.Pinyin.none5 ? 0 : id(p.getPinyinWithoutTone());
      if (id == 0) {
        word = null;
        break;
      }
      word.append(symbol(id));
    }
    StringBuilder chars = new StringBuilder(term.length());
    for (int i = 0; i < term.length(); i++) {
      int id = ofChar(term.charAt(i));
      if (id == 0) {
        chars = null;
        break;
      }
      chars.append(symbol(id));
    }
    if (word != null && word.length() == term.length()) {
      out.add(word.toString());
    }
    if (chars != null && (out.isEmpty() || !out.get(0).contentEquals(chars))) {
      out.add(chars.toString());
    }
    return out;
  }

  /**
   * The automaton symbol of a syllable number (kept clear of the Latin letters).
   *
   * @param id a syllable number
   * @return its symbol
   */
  public static char symbol(int id) {
    return (char) (0x100 + id);
  }

  /**
   * Splits a token of Latin letters into pinyin syllables, preferring the split with the fewest
   * syllables ({@code xian} is one syllable, not {@code xi an}).
   *
   * @param letters lower-case Latin letters
   * @param from start, inclusive
   * @param to end, exclusive
   * @param out receives the syllable numbers and, in {@code ends}, where each ends (relative to
   *     {@code from})
   * @param ends receives the end offsets
   * @return the number of syllables, or 0 if the token is not entirely pinyin
   */
  public static int split(char[] letters, int from, int to, int[] out, int[] ends) {
    int n = to - from;
    if (n == 0 || n > 60) {
      return 0;
    }
    int[] best = new int[n + 1];
    int[] back = new int[n + 1];
    Arrays.fill(best, Integer.MAX_VALUE);
    best[0] = 0;
    for (int i = 0; i < n; i++) {
      if (best[i] == Integer.MAX_VALUE) {
        continue;
      }
      for (int len = 1; len <= MAX_SYLLABLE && i + len <= n; len++) {
        if (best[i] + 1 < best[i + len] && Tables.lookup(letters, from + i, len) != 0) {
          best[i + len] = best[i] + 1;
          back[i + len] = i;
        }
      }
    }
    if (best[n] == Integer.MAX_VALUE) {
      return 0;
    }
    int count = best[n];
    int at = n;
    for (int k = count - 1; k >= 0; k--) {
      int start = back[at];
      out[k] = Tables.lookup(letters, from + start, at - start);
      ends[k] = at;
      at = start;
    }
    return count;
  }
}
