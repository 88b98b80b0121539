package dev.spirit.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A corpus generated from the lexicon: every Chinese term of {@code lexicon.tsv} written in every
 * evasion family, each inside carrier sentences written for this test (none from the shared
 * sample). Pinyin, tones and traditional forms come from HanLP; homophones are the most frequent
 * other character with the same toneless reading; splits come from the bundled decomposition table.
 */
@DisplayName("The lexicon rule on a corpus generated from the lexicon and the evasion families")
class GeneratedChineseCorpusTest {
  private static final List<String> CARRIERS =
      List.of("今晚{}，私聊", "{}找我，价格好谈", "朋友说{}很方便", "谁有{}渠道", "加微信了解{}");

  private static TermLexicon lexicon;
  private static Map<Character, String> splits;
  private static Map<String, Character> bestBySyllable;

  @BeforeAll
  static void load() throws IOException {
    lexicon = SharedCorpus.lexicon();
    splits = new HashMap<>();
    try (InputStream in =
        Objects.requireNonNull(
            TermLexicon.class.getResourceAsStream("/dev/spirit/moderation/ids/splits.tsv"))) {
      new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .lines()
          .filter(l -> !l.startsWith("#") && l.length() == 4)
          .forEach(l -> splits.put(l.charAt(0), l.substring(2)));
    }
    bestBySyllable = new HashMap<>();
  }

  private static String toneless(char c) {
    List<Pinyin> p = HanLP.convertToPinyinList(String.valueOf(c));
    return p.isEmpty() || p.get(0) == Pinyin.none5 ? "" : p.get(0).getPinyinWithoutTone();
  }

  /** The most frequent common character other than {@code c} with its toneless reading. */
  private static Optional<Character> homophone(char c) {
    String syllable = toneless(c);
    Character best = null;
    int bestFreq = 0;
    for (char h = 0x4E00; h <= 0x9FA5; h++) {
      if (h != c && toneless(h).equals(syllable)) {
        int f = CoreDictionary.getTermFrequency(String.valueOf(h));
        if (f > bestFreq) {
          bestFreq = f;
          best = h;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private static List<String> syllables(String term, Function<Pinyin, String> form) {
    return HanLP.convertToPinyinList(term).stream().map(form).toList();
  }

  private static String fullWidth(String ascii) {
    StringBuilder out = new StringBuilder();
    for (char c : ascii.toCharArray()) {
      out.append(c >= '!' && c <= '~' ? (char) (c + 0xFEE0) : c);
    }
    return out.toString();
  }

  private static String spread(String term, String separator) {
    return term.chars()
        .mapToObj(c -> String.valueOf((char) c))
        .collect(Collectors.joining(separator));
  }

  /** The spellings of one term per family (a family may not apply to a term). */
  private static Map<String, List<String>> spellings(Term term) {
    String t = term.text();
    Map<String, List<String>> out = new TreeMap<>();
    List<String> plain = syllables(t, Pinyin::getPinyinWithoutTone);
    out.put("pinyin", List.of(String.join("", plain)));
    out.put("pinyin-tone", List.of(String.join("", syllables(t, Pinyin::getPinyinWithToneMark))));
    out.put(
        "pinyin-caps",
        List.of(String.join("", plain).toUpperCase(Locale.ROOT), capitalised(plain)));
    out.put("pinyin-sep", List.of(String.join("-", plain), String.join(" ", plain)));
    out.put("fullwidth-pinyin", List.of(fullWidth(String.join("", plain))));
    out.put(
        "mixed",
        List.of(
            plain.get(0) + t.substring(1),
            t.substring(0, t.length() - 1) + plain.get(plain.size() - 1)));
    Optional<Character> h = homophone(t.charAt(0));
    h.ifPresent(c -> out.put("homophone", List.of(c + t.substring(1))));
    List<String> split = new ArrayList<>();
    for (int i = 0; i < t.length(); i++) {
      String parts = splits.get(t.charAt(i));
      if (parts != null) {
        split.add(t.substring(0, i) + parts + t.substring(i + 1));
      }
    }
    if (!split.isEmpty()) {
      out.put("split", split);
    }
    String trad = HanLP.convertToTraditionalChinese(t);
    if (!trad.equals(t)) {
      out.put("trad", List.of(trad));
    }
    out.put("sep-han", List.of(spread(t, "，") + "，", spread(t, "、") + "、", spread(t, "\n") + "\n"));
    out.put("emoji-sep", List.of(spread(t, "🔥"), spread(t, "⭐")));
    if (!term.aliases().isEmpty()) {
      out.put("initials", term.aliases());
    }
    return out;
  }

  private static String capitalised(List<String> syllables) {
    return syllables.stream()
        .map(s -> Character.toUpperCase(s.charAt(0)) + s.substring(1))
        .collect(Collectors.joining());
  }

  @Test
  @DisplayName("catches at least 95% of every family, every Chinese term in every carrier")
  void catchRate() {
    Map<String, int[]> byFamily = new TreeMap<>();
    List<String> missed = new ArrayList<>();
    int texts = 0;
    for (Term term : lexicon.terms()) {
      if (term.text().chars().noneMatch(c -> Character.isIdeographic(c))) {
        continue;
      }
      for (Map.Entry<String, List<String>> family : spellings(term).entrySet()) {
        for (String spelled : family.getValue()) {
          for (String carrier : CARRIERS) {
            String text = carrier.replace("{}", spelled);
            boolean hit =
                lexicon.find(text).stream().anyMatch(m -> m.term().text().equals(term.text()));
            CorpusStats.count(byFamily, family.getKey(), hit);
            texts++;
            if (!hit) {
              missed.add(family.getKey() + " " + term.text() + ": " + text);
            }
          }
        }
      }
    }
    CorpusStats.print("generated zh catch rate", byFamily);
    missed.forEach(m -> System.out.println("  missed " + m));
    assertThat(texts).isGreaterThan(500);
    byFamily.forEach(
        (family, c) -> assertThat(CorpusStats.rate(c)).as(family).isGreaterThanOrEqualTo(0.95));
  }
}
