package dev.spirit.aggregation.internal;

import java.util.Set;

/**
 * A deliberately conservative English stemmer for counting words people gave: it only folds
 * inflections that cannot change the word's meaning or its readability on a dashboard. Derivations
 * ("enthusiastic" / "enthusiasm", "candid" / "candor") are never merged here; a campaign's synonym
 * table does that when organizers say so.
 *
 * <ol>
 *   <li>possessive {@code 's} and a trailing apostrophe are removed: chongqing's → chongqing;
 *   <li>plurals: -ies → -y (cities → city), -sses → -ss, -xes/-ches/-shes/-zzes → drop -es (boxes →
 *       box), other -s → drop it (mountains → mountain), but words ending in -ss, -us, -is, -ous or
 *       shorter than 4 letters are kept (glass, campus, famous, bus);
 *   <li>-ing and -ed are removed only where the stem is unambiguous: at least 3 letters ending in a
 *       doubled consonant, which is undoubled (shopping → shop, planned → plan, running → run).
 *       Everything else is left alone: "interesting", "outstanding", "talented", "determined",
 *       "welcoming" are words people give as such, and cutting them ("interest", "talent") would
 *       change what they said. -ied → -y (unified → unify). A short list of words that only look
 *       inflected (morning, hundred, sacred...) is never touched.
 * </ol>
 */
public final class EnglishStemmer {
  private static final Set<String> KEEP =
      Set.of(
          "morning",
          "evening",
          "during",
          "nothing",
          "something",
          "anything",
          "everything",
          "ceiling",
          "wedding",
          "pudding",
          "sibling",
          "darling",
          "string",
          "spring",
          "hundred",
          "sacred",
          "naked",
          "wicked",
          "beloved",
          "kindred",
          "rugged",
          "crooked",
          "ragged",
          "news",
          "series",
          "species",
          "always",
          "perhaps",
          "sometimes",
          "whereas",
          "lens",
          "chaos",
          "atlas",
          "canvas",
          "gas",
          "yes",
          "thanks",
          "ethics",
          "physics",
          "politics",
          "economics",
          "mathematics",
          "olympics",
          "gorges",
          "lindl");

  private EnglishStemmer() {}

  /**
   * Stems one lowercase word.
   *
   * @param word a lowercase word of letters (and possibly an apostrophe)
   * @return its stem, or the word itself
   */
  public static String stem(String word) {
    String w = stripPossessive(word);
    if (w.length() < 4 || KEEP.contains(w) || !isAsciiLetters(w)) {
      return w;
    }
    w = plural(w);
    if (KEEP.contains(w)) {
      return w;
    }
    if (w.endsWith("ing")) {
      return inflection(w, 3);
    }
    if (w.endsWith("ied") && w.length() > 5) {
      return w.substring(0, w.length() - 3) + "y";
    }
    if (w.endsWith("ed")) {
      return inflection(w, 2);
    }
    return w;
  }

  private static String stripPossessive(String w) {
    if (w.endsWith("'s") || w.endsWith("\u2019s")) {
      return w.substring(0, w.length() - 2);
    }
    if (w.endsWith("'") || w.endsWith("\u2019")) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }

  private static String plural(String w) {
    if (!w.endsWith("s")
        || w.endsWith("ss")
        || w.endsWith("us")
        || w.endsWith("is")
        || w.endsWith("ous")) {
      return w;
    }
    if (w.endsWith("ies") && w.length() > 4) {
      return w.substring(0, w.length() - 3) + "y";
    }
    if (w.endsWith("sses")
        || w.endsWith("xes")
        || w.endsWith("ches")
        || w.endsWith("shes")
        || w.endsWith("zzes")) {
      return w.substring(0, w.length() - 2);
    }
    return w.substring(0, w.length() - 1);
  }

  private static String inflection(String w, int suffix) {
    String stem = w.substring(0, w.length() - suffix);
    if (stem.length() < 4) {
      return w;
    }
    char last = stem.charAt(stem.length() - 1);
    char before = stem.charAt(stem.length() - 2);
    // Only a doubled consonant is unambiguous (shopp-ing → shop); -ll/-ss/-zz/-ff stems are spelled
    // so (call-ed, miss-ed) and keep both letters.
    if (!isConsonant(last) || last != before) {
      return w;
    }
    return last == 'l' || last == 's' || last == 'z' || last == 'f'
        ? stem
        : stem.substring(0, stem.length() - 1);
  }

  private static boolean isConsonant(char c) {
    return c >= 'a' && c <= 'z' && "aeiouy".indexOf(c) < 0;
  }

  private static boolean isAsciiLetters(String w) {
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (c < 'a' || c > 'z') {
        return false;
      }
    }
    return true;
  }
}
