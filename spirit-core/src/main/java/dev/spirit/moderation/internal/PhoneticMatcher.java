package dev.spirit.moderation.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds Han terms by sound: over a text read as a sequence of toneless pinyin syllables, where a
 * Han character is its syllable and a token of Latin letters that is entirely pinyin is its
 * syllables. So one automaton pass catches full pinyin ({@code duchang}, {@code dǔchǎng}, {@code
 * du3chang3}, {@code DU-CHANG}, full-width letters), hanzi and pinyin mixed ({@code 赌chang}) and
 * homophones ({@code 睹场}), with separators and line breaks between syllables.
 *
 * <p>Rules, chosen by measuring false positives on the clean corpora (see {@code
 * docs/moderation.md}):
 *
 * <ul>
 *   <li>a Latin token counts only if it splits entirely into pinyin syllables, and a match starts
 *       at the first syllable of a token and ends at the last of a token: {@code bingdun} (bing
 *       dun) is not {@code bingdu}, and {@code Duchamp} is not pinyin at all;
 *   <li>a match written wholly in Latin letters needs at least two syllables;
 *   <li>at most 3 separators between two syllables of a match;
 *   <li>a one-character term, and a term whose lexicon row turns homophones off, matches only its
 *       own characters on the Han side.
 * </ul>
 */
public final class PhoneticMatcher {
  private static final int MAX_GAP = 3;
  private static final int BREAK = 100;

  private final char[][] termChars; // per entry, the term's simplified characters
  private final int[] entryTerm;
  private final boolean[] strictHan;
  private final int[][] keyEntries;
  private final DoubleArrayAutomaton automaton;

  /** Receives a match: the index of the term given to the constructor and its original span. */
  public interface Hits {
    /**
     * A match.
     *
     * @param term index of the term
     * @param start start in the original text, inclusive
     * @param end end in the original text, exclusive
     * @param firstHan whether the match begins with a Han character
     * @param lastHan whether the match ends with a Han character
     */
    void hit(int term, int start, int end, boolean firstHan, boolean lastHan);
  }

  /**
   * Compiles the terms.
   *
   * @param terms simplified Han terms (folded); entries without a reading are skipped
   * @param homophones per term, whether other characters of the same sound match
   */
  public PhoneticMatcher(List<String> terms, boolean[] homophones) {
    Map<String, List<Integer>> byKey = new LinkedHashMap<>();
    List<char[]> chars = new ArrayList<>();
    List<Integer> owners = new ArrayList<>();
    List<Boolean> strict = new ArrayList<>();
    for (int t = 0; t < terms.size(); t++) {
      String term = terms.get(t);
      for (String reading : Pinyin.readings(term)) {
        byKey.computeIfAbsent(reading, k -> new ArrayList<>()).add(chars.size());
        chars.add(term.toCharArray());
        owners.add(t);
        strict.add(!homophones[t] || term.length() < 2);
      }
    }
    this.termChars = chars.toArray(new char[0][]);
    this.entryTerm = owners.stream().mapToInt(Integer::intValue).toArray();
    this.strictHan = new boolean[strict.size()];
    for (int i = 0; i < strictHan.length; i++) {
      strictHan[i] = strict.get(i);
    }
    this.keyEntries = new int[byKey.size()][];
    int k = 0;
    for (List<Integer> ids : byKey.values()) {
      keyEntries[k++] = ids.stream().mapToInt(Integer::intValue).toArray();
    }
    this.automaton = new DoubleArrayAutomaton(new ArrayList<>(byKey.keySet()));
  }

  /**
   * Whether any term was compiled.
   *
   * @return false if the matcher can find nothing
   */
  public boolean isEmpty() {
    return keyEntries.length == 0;
  }

  /** The syllables of a text; per-thread buffers reused from text to text. */
  private static final class Units {
    char[] sym = new char[64];
    int[] start = new int[64];
    int[] end = new int[64];
    char[] han = new char[64]; // the folded Han character, 0 for a pinyin syllable
    int[] gap = new int[64];
    boolean[] tokenFirst = new boolean[64];
    boolean[] tokenLast = new boolean[64];
    int length;
    char[] letters = new char[64];
    int[] letterAt = new int[64];
    int[] splitIds = new int[64];
    int[] splitEnds = new int[64];

    void ensure(int n) {
      if (sym.length < n) {
        int size = Math.max(n, sym.length * 2);
        sym = new char[size];
        start = new int[size];
        end = new int[size];
        han = new char[size];
        gap = new int[size];
        tokenFirst = new boolean[size];
        tokenLast = new boolean[size];
        letters = new char[size];
        letterAt = new int[size + 1];
        splitIds = new int[size];
        splitEnds = new int[size];
      }
    }
  }

  private static final ThreadLocal<Units> UNITS = ThreadLocal.withInitial(Units::new);

  /**
   * Finds the terms in a text.
   *
   * @param text the original text
   * @param hits receives each match
   */
  public void find(String text, Hits hits) {
    if (keyEntries.length == 0) {
      return;
    }
    Units u = UNITS.get();
    read(text, u);
    int state = 0;
    for (int e = 0; e < u.length; e++) {
      state = automaton.next(state, u.sym[e]);
      for (int o = automaton.firstOutput(state); o > 0; o = automaton.nextOutput(o)) {
        int key = automaton.keyAt(o);
        int s = e - automaton.keyLength(key) + 1;
        for (int entry : keyEntries[key]) {
          if (confirm(entry, u, s, e)) {
            hits.hit(entryTerm[entry], u.start[s], u.end[e], u.han[s] != 0, u.han[e] != 0);
          }
        }
      }
    }
  }

  private boolean confirm(int entry, Units u, int s, int e) {
    if (u.han[s] == 0 && !u.tokenFirst[s] || u.han[e] == 0 && !u.tokenLast[e]) {
      return false;
    }
    char[] chars = termChars[entry];
    boolean anyHan = false;
    for (int p = s; p <= e; p++) {
      if (p > s && u.gap[p] > MAX_GAP) {
        return false;
      }
      if (u.han[p] != 0) {
        anyHan = true;
        if (strictHan[entry] && u.han[p] != chars[p - s]) {
          return false;
        }
      }
    }
    return anyHan || e > s;
  }

  private static void read(String text, Units u) {
    int n = text.length();
    u.ensure(n + 1);
    u.length = 0;
    int gap = 0;
    int letters = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      int kind;
      char f;
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
        int folded = TextFolder.foldSupplementary(Character.toCodePoint(c, text.charAt(i + 1)));
        kind = folded >>> 16;
        f = (char) folded;
        if (kind == TextFolder.HAN || kind == TextFolder.LATIN) {
          kind = TextFolder.OTHER; // rare ideographs and mathematical letters: not read as sound
        }
        i++;
      } else {
        int folded = TextFolder.kindAndFold(c);
        kind = folded >>> 16;
        f = (char) folded;
      }
      switch (kind) {
        case TextFolder.LATIN:
          u.letters[letters] = f == 'v' ? 'u' : f;
          u.letterAt[letters] = i;
          letters++;
          u.letterAt[letters] = i + 1;
          continue;
        case TextFolder.DROP:
          continue;
        case TextFolder.DIGIT:
          if (letters > 0 && f >= '1' && f <= '5') {
            // A tone digit ends a syllable: du3chang3.
            gap = flush(u, letters, gap);
            letters = 0;
            continue;
          }
          gap = Math.max(flush(u, letters, gap), BREAK);
          letters = 0;
          continue;
        case TextFolder.HAN:
          {
            gap = flush(u, letters, gap);
            letters = 0;
            int id = Pinyin.ofChar(f);
            if (id == 0) {
              gap = BREAK;
              continue;
            }
            int at = u.length++;
            u.sym[at] = Pinyin.symbol(id);
            u.start[at] = i;
            u.end[at] = i + 1;
            u.han[at] = f;
            u.gap[at] = gap;
            u.tokenFirst[at] = true;
            u.tokenLast[at] = true;
            gap = 0;
            continue;
          }
        case TextFolder.SPACE:
        case TextFolder.SOFT:
        case TextFolder.HARD:
        case TextFolder.LEET_SYMBOL:
          gap = flush(u, letters, gap) + 1;
          letters = 0;
          continue;
        default:
          flush(u, letters, gap);
          letters = 0;
          gap = BREAK;
      }
    }
    flush(u, letters, gap);
  }

  /** Ends a Latin token: its syllables if it is pinyin; returns the gap before what follows. */
  private static int flush(Units u, int letters, int gap) {
    if (letters == 0) {
      return gap;
    }
    int count = Pinyin.split(u.letters, 0, letters, u.splitIds, u.splitEnds);
    if (count == 0) {
      return BREAK;
    }
    int from = 0;
    for (int k = 0; k < count; k++) {
      int at = u.length++;
      u.sym[at] = Pinyin.symbol(u.splitIds[k]);
      u.start[at] = u.letterAt[from];
      u.end[at] = u.letterAt[u.splitEnds[k] - 1] + 1;
      u.han[at] = 0;
      u.gap[at] = k == 0 ? gap : 0;
      u.tokenFirst[at] = k == 0;
      u.tokenLast[at] = k == count - 1;
      from = u.splitEnds[k];
    }
    return 0;
  }
}
