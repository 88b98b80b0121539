package dev.spirit;

import dev.spirit.campaign.Language;

/**
 * A deliberately simple language guess for campaigns in Chinese and English: any Han character
 * makes a text Chinese; otherwise Latin letters make it English; otherwise it is undetermined.
 */
final class LanguageGuess {
  /** Returned when a text has neither Han characters nor Latin letters. */
  static final Language UNDETERMINED = new Language("und");

  private LanguageGuess() {}

  /**
   * Guesses the language of a text.
   *
   * @param text normalized text
   * @return zh, en, or und
   */
  static Language of(String text) {
    boolean latin = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      Character.UnicodeScript script = Character.UnicodeScript.of(cp);
      if (script == Character.UnicodeScript.HAN) {
        return Language.ZH;
      }
      if (script == Character.UnicodeScript.LATIN) {
        latin = true;
      }
    }
    return latin ? Language.EN : UNDETERMINED;
  }
}
