package dev.spirit.moderation;

import dev.spirit.campaign.Campaign;
import dev.spirit.campaign.Language;
import dev.spirit.submission.ModerationDecision;
import dev.spirit.submission.Submission;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Texts that are not words: only symbols ({@code symbols-only}, rejected); digits and symbols
 * without letters ({@code no-letters}), mostly symbols ({@code mostly-symbols}), one character
 * repeated ({@code repetitive}), keyboard mashing — a Latin word of 6 or more letters without a
 * vowel, or 6 consonants in a row ({@code gibberish}) — and letters of a script none of the
 * campaign's languages is written in ({@code language}), all sent to review. Scripts known to the
 * rule: Han (zh, ja), Latin (en, fr, de, es, it, pt and other Latin-script languages), kana (ja),
 * Hangul (ko), Cyrillic (ru, uk), Arabic (ar), Tibetan (bo), Mongolian (mn), Yi (ii), Tai (th);
 * others are not judged.
 */
public final class QualityRule implements ModerationRule {
  /** The rule id. */
  public static final String ID = "quality";

  private static final Map<Character.UnicodeScript, Set<String>> SCRIPT_LANGUAGES =
      Map.ofEntries(
          Map.entry(Character.UnicodeScript.HAN, Set.of("zh", "ja")),
          Map.entry(
              Character.UnicodeScript.LATIN,
              Set.of("en", "fr", "de", "es", "it", "pt", "nl", "vi", "id", "ms", "za")),
          Map.entry(Character.UnicodeScript.HIRAGANA, Set.of("ja")),
          Map.entry(Character.UnicodeScript.KATAKANA, Set.of("ja")),
          Map.entry(Character.UnicodeScript.HANGUL, Set.of("ko")),
          Map.entry(Character.UnicodeScript.CYRILLIC, Set.of("ru", "uk", "mn")),
          Map.entry(Character.UnicodeScript.ARABIC, Set.of("ar", "ug", "fa")),
          Map.entry(Character.UnicodeScript.TIBETAN, Set.of("bo")),
          Map.entry(Character.UnicodeScript.MONGOLIAN, Set.of("mn")),
          Map.entry(Character.UnicodeScript.YI, Set.of("ii")),
          Map.entry(Character.UnicodeScript.THAI, Set.of("th")));

  // The scripts the rule judges, in enum order (the order in which they are judged), and each
  // script's index among them (-1 for the others): letters are only counted for these.
  private static final Character.UnicodeScript[] KNOWN =
      Arrays.stream(Character.UnicodeScript.values())
          .filter(SCRIPT_LANGUAGES::containsKey)
          .toArray(Character.UnicodeScript[]::new);
  private static final int[] KNOWN_INDEX = new int[Character.UnicodeScript.values().length];
  private static final int HAN_INDEX;
  private static final int LATIN_INDEX;

  static {
    Arrays.fill(KNOWN_INDEX, -1);
    for (int i = 0; i < KNOWN.length; i++) {
      KNOWN_INDEX[KNOWN[i].ordinal()] = i;
    }
    HAN_INDEX = KNOWN_INDEX[Character.UnicodeScript.HAN.ordinal()];
    LATIN_INDEX = KNOWN_INDEX[Character.UnicodeScript.LATIN.ordinal()];
  }

  private static int knownScript(int letter) {
    // The two common cases without UnicodeScript.of's binary search.
    if (letter >= 0x4E00 && letter <= 0x9FFF) {
      return HAN_INDEX;
    }
    if (letter < 0x80) {
      return LATIN_INDEX; // an ASCII letter
    }
    return KNOWN_INDEX[Character.UnicodeScript.of(letter).ordinal()];
  }

  /** Creates the rule. */
  public QualityRule() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public RuleVerdict check(Submission candidate, Campaign campaign) {
    return check(candidate.text().normalized(), campaign.rules().languages());
  }

  /**
   * Checks a bare (normalized) text.
   *
   * @param text the text
   * @param languages the campaign's languages
   * @return the verdict
   */
  public RuleVerdict check(String text, Set<Language> languages) {
    int letters = 0;
    int symbols = 0;
    int total = 0;
    // Boyer–Moore majority vote over the letters as they come (only a character above half the
    // letters can pass the 70% test); its count is confirmed in a second pass only if needed.
    int candidate = 0;
    int votes = 0;
    int[] scripts = new int[KNOWN.length];
    int consonantRun = 0;
    int maxConsonantRun = 0;
    int wordLength = 0;
    boolean wordHasVowel = false;
    boolean vowellessWord = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp)) {
        vowellessWord |= wordLength >= 6 && !wordHasVowel;
        wordLength = 0;
        wordHasVowel = false;
        consonantRun = 0;
        continue;
      }
      total++;
      if (Character.isLetter(cp)) {
        letters++;
        if (votes == 0) {
          candidate = cp;
        }
        votes += cp == candidate ? 1 : -1;
        int script = knownScript(cp);
        if (script >= 0) {
          scripts[script]++;
        }
        int lower = Character.toLowerCase(cp);
        if (lower >= 'a' && lower <= 'z') {
          wordLength++;
          boolean vowel = "aeiouy".indexOf(lower) >= 0;
          wordHasVowel |= vowel;
          consonantRun = vowel ? 0 : consonantRun + 1;
          maxConsonantRun = Math.max(maxConsonantRun, consonantRun);
        } else {
          vowellessWord |= wordLength >= 6 && !wordHasVowel;
          wordLength = 0;
          wordHasVowel = false;
          consonantRun = 0;
        }
      } else if (!Character.isDigit(cp)) {
        symbols++;
      }
    }
    vowellessWord |= wordLength >= 6 && !wordHasVowel;
    if (letters == 0) {
      return symbols == total
          ? RuleVerdict.reject("symbols-only", "the text has only symbols")
          : RuleVerdict.review("no-letters", "the text has no letters, only digits and symbols");
    }
    if (symbols >= 4 && symbols * 2 > total) {
      return RuleVerdict.review(
          "mostly-symbols", symbols + " of " + total + " characters are symbols");
    }
    if (letters >= 6 && occurrences(text, candidate) * 10 > letters * 7) {
      return RuleVerdict.review("repetitive", "one character makes up most of the text");
    }
    if (vowellessWord || maxConsonantRun >= 6) {
      return RuleVerdict.review("gibberish", "looks like keyboard mashing");
    }
    for (int k = 0; k < KNOWN.length; k++) {
      Character.UnicodeScript script = KNOWN[k];
      int count = scripts[k];
      if (count == 0 || count * 5 < letters) {
        continue; // absent, or under a fifth of the letters
      }
      Set<String> written = Objects.requireNonNull(SCRIPT_LANGUAGES.get(script));
      boolean accepted = false;
      for (Language l : languages) {
        accepted |= written.contains(primary(l));
      }
      if (!accepted) {
        return RuleVerdict.of(
            new RuleVerdict.Finding(
                "language",
                ModerationDecision.REVIEW,
                script + " letters, but the campaign accepts " + languages,
                List.of()));
      }
    }
    return RuleVerdict.approve();
  }

  private static int occurrences(String text, int codePoint) {
    int count = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      count += cp == codePoint ? 1 : 0;
    }
    return count;
  }

  private static String primary(Language language) {
    String code = language.code();
    int dash = code.indexOf('-');
    return dash < 0 ? code : code.substring(0, dash);
  }
}
