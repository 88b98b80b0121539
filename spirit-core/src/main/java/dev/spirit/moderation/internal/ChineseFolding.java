package dev.spirit.moderation.internal;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Chinese side of lexicon matching, kept here so that no HanLP type reaches the public API:
 * toneless pinyin per character (one private-use symbol per syllable, so that homophones and pinyin
 * meet in the automaton), the split-character table, dictionary lookups (the word-boundary model)
 * and warning contexts.
 *
 * <p>The syllable table covers the BMP's CJK ideographs and is built once per JVM from HanLP's
 * pinyin dictionary (inside its jar, nothing downloaded).
 */
public final class ChineseFolding {
  /** First private-use code of a syllable symbol. */
  public static final char SYLLABLE_BASE = '\uF000';

  private static final char SYLLABLE_LIMIT = '\uF800';

  private ChineseFolding() {}

  private static final class Syllables {
    // For each UTF-16 unit: 0 to keep it, otherwise the symbol the automaton sees instead.
    static final char[] SYMBOL = new char[65536];
    static final List<String> NAMES = new ArrayList<>();

    static {
      Map<String, Character> codes = new HashMap<>();
      for (int c = 0x3400; c <= 0x9FFF; c++) {
        if (!Character.isIdeographic(c)) {
          continue;
        }
        Optional<String> py = defaultPinyin((char) c);
        if (py.isPresent()) {
          String s = py.get();
          Character code = codes.get(s);
          if (code == null) {
            code = (char) (SYLLABLE_BASE + NAMES.size());
            codes.put(s, code);
            NAMES.add(s);
          }
          SYMBOL[c] = code;
        }
      }
      // A private-use character in the text itself must not pose as a syllable.
      for (int c = SYLLABLE_BASE; c < SYLLABLE_LIMIT; c++) {
        SYMBOL[c] = '\uFFFD';
      }
    }
  }

  /**
   * The table the matcher feeds the automaton through: for each UTF-16 unit, 0 to keep it, or the
   * symbol to use instead (a Han character's syllable).
   *
   * @return the shared table; callers must not modify it
   */
  @SuppressWarnings("MutablePublicArray") // read on the hot path without a copy; internal package
  public static char[] symbolTable() {
    return Syllables.SYMBOL;
  }

  /**
   * The automaton symbol of a character: its syllable if it is a Han character with a known
   * reading, otherwise the character itself.
   *
   * @param c a folded character
   * @return the symbol
   */
  public static char symbol(char c) {
    char s = Syllables.SYMBOL[c];
    return s == 0 ? c : s;
  }

  private static Optional<String> defaultPinyin(char c) {
    List<Pinyin> list = HanLP.convertToPinyinList(String.valueOf(c));
    if (list.isEmpty() || list.get(0) == Pinyin.none5) {
      return Optional.empty();
    }
    return Optional.of(toneless(list.get(0)));
  }

  private static String toneless(Pinyin p) {
    String s = p.getPinyinWithoutTone();
    // HanLP writes ü as v; people type u or v, and u is what an IME-less writer reaches for.
    return s.replace('v', 'u').replace("ü", "u");
  }

  /**
   * The toneless pinyin of each character of a word, read in the word's context (HanLP resolves
   * polyphones such as 重 in 重庆).
   *
   * @param word simplified Han characters
   * @return one syllable per character, empty where a character has no known reading
   */
  public static List<Optional<String>> pinyin(String word) {
    List<Pinyin> list = HanLP.convertToPinyinList(word);
    List<Optional<String>> out = new ArrayList<>(word.length());
    for (int i = 0; i < word.length(); i++) {
      Pinyin p = i < list.size() ? list.get(i) : Pinyin.none5;
      out.add(p == Pinyin.none5 ? Optional.empty() : Optional.of(toneless(p)));
    }
    return out;
  }

  /**
   * The toneless pinyin of one character in its default reading.
   *
   * @param c a Han character
   * @return the syllable, if known
   */
  public static Optional<String> pinyinOf(char c) {
    char s = Syllables.SYMBOL[c];
    if (s == 0 || s == '\uFFFD') {
      return Optional.empty();
    }
    return Optional.of(Syllables.NAMES.get(s - SYLLABLE_BASE));
  }

  private static final class SyllableSet {
    static final java.util.Set<String> ALL = new java.util.HashSet<>(Syllables.NAMES);
    static final int LONGEST = ALL.stream().mapToInt(String::length).max().orElse(0);
  }

  /**
   * Whether lower-case Latin letters are a sequence of whole toneless pinyin syllables ({@code
   * duchang}: du, chang), as the syllable table knows them; {@code v} stands for {@code ü}.
   *
   * @param letters lower-case letters
   * @return true if they split into syllables
   */
  public static boolean isSyllables(CharSequence letters) {
    int n = letters.length();
    if (n == 0) {
      return false;
    }
    String s = letters.toString().replace('v', 'u');
    // reachable[i]: the first i letters split into syllables.
    boolean[] reachable = new boolean[n + 1];
    reachable[0] = true;
    for (int i = 0; i < n; i++) {
      if (!reachable[i]) {
        continue;
      }
      for (int j = i + 1; j <= Math.min(n, i + SyllableSet.LONGEST); j++) {
        if (!reachable[j] && SyllableSet.ALL.contains(s.substring(i, j))) {
          reachable[j] = true;
        }
      }
    }
    return reachable[n];
  }

  private static final class Splits {
    static final Map<Character, String> TABLE = load();

    private static Map<Character, String> load() {
      Map<Character, String> map = new HashMap<>();
      String resource = "/dev/spirit/moderation/ids/splits.tsv";
      try (InputStream in =
          Objects.requireNonNull(
              ChineseFolding.class.getResourceAsStream(resource), "missing " + resource)) {
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          if (line.isEmpty() || line.charAt(0) == '#') {
            continue;
          }
          int tab = line.indexOf('\t');
          if (tab == 1 && line.length() == 4) {
            map.put(line.charAt(0), line.substring(2));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + resource, e);
      }
      return map;
    }
  }

  /**
   * The two components a character is written as when it is split (拆字), e.g. {@code 贝者} for {@code
   * 赌}.
   *
   * @param c a simplified Han character
   * @return the two components, if the character splits into two typeable ones
   */
  public static Optional<String> split(char c) {
    return Optional.ofNullable(Splits.TABLE.get(c));
  }

  /**
   * Whether a stretch of text is an ordinary word of HanLP's core dictionary.
   *
   * @param word simplified Han characters
   * @return true if the dictionary lists it
   */
  public static boolean isDictionaryWord(String word) {
    return CoreDictionary.contains(word);
  }

  /** HanLP core-dictionary frequency from which a word counts as an everyday one. */
  private static final int COMMON_FREQUENCY = 3;

  /**
   * Whether a stretch of text is an everyday word: listed in HanLP's core dictionary with a
   * frequency of at least {@value #COMMON_FREQUENCY}. A homophone spelling of a term that is such a
   * word is that word ({@code 病毒}, frequency 22, is not {@code 冰毒}); one that is a rare, literary
   * word is still read as the evasion ({@code 博采平台}: 博采, frequency 2, as in 博采众长, is not what
   * people write about a platform).
   *
   * @param word simplified Han characters
   * @return true if the dictionary lists it often enough
   */
  public static boolean isCommonWord(String word) {
    return CoreDictionary.getTermFrequency(word) >= COMMON_FREQUENCY;
  }

  // Words that, just before a term, say the text warns against it (远离毒品, 严禁私藏枪支), and
  // words that, just after, say it is about the harm or the law (刷单诈骗, 枪支管理条例) or name a
  // public service (办证大厅). General vocabulary of prohibition, public warnings and public
  // services, not sentences of any corpus.
  private static final String[] CUES_BEFORE = {
    "远离", "禁", "禁止", "严禁", "打击", "拒绝", "举报", "防范", "警惕", "谨防", "杜绝", "抵制", "反对", "不要", "切勿", "严厉",
    "查处", "整治", "取缔", "严打", "预防", "戒除", "抵御", "揭露", "曝光", "依法"
  };
  private static final String[] CUES_AFTER = {
    "管理",
    "条例",
    "诈骗",
    "犯罪",
    "违法",
    "危害",
    "害人",
    "陷阱",
    "骗局",
    "案件",
    "整治",
    "防范",
    "举报",
    "专项",
    "法规",
    "禁令",
    "成瘾",
    "有害",
    "是违法",
    "毁",
    // The term names a public service or its procedure (办证大厅, 办证指南): a notice, not an offer.
    "大厅",
    "窗口",
    "指南",
    "流程",
    "须知",
    "手续",
    "材料",
    "预约"
  };

  /** How far before a term a warning word may end (e.g. 严禁私藏枪支: two characters). */
  private static final int CUE_REACH = 3;

  /**
   * Whether the clause around a term occurrence warns against it.
   *
   * @param before the simplified text of the clause before the occurrence
   * @param after the simplified text of the clause after it
   * @return true if a warning word ends at most {@value #CUE_REACH} characters before it or a
   *     harm/law or public-service word follows it directly
   */
  public static boolean warns(String before, String after) {
    for (String cue : CUES_BEFORE) {
      int at = before.lastIndexOf(cue);
      if (at >= 0 && before.length() - (at + cue.length()) <= CUE_REACH) {
        return true;
      }
    }
    String next = after.length() > 1 && after.charAt(0) == '的' ? after.substring(1) : after;
    for (String cue : CUES_AFTER) {
      if (next.startsWith(cue)) {
        return true;
      }
    }
    return false;
  }
}
