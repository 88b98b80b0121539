package dev.spirit.campaign;

import dev.spirit.error.InvalidInputException;
import dev.spirit.text.Texts;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A short text in several languages. Chinese and English are required, others optional.
 *
 * @param values text per language
 */
public record LocalizedText(Map<Language, String> values) {
  public LocalizedText {
    if (values == null) {
      throw new InvalidInputException("localizedText", "must not be null");
    }
    for (Language required : new Language[] {Language.ZH, Language.EN}) {
      if (!values.containsKey(required)) {
        throw new InvalidInputException(
            "localizedText", "needs a '" + required + "' text; has " + values.keySet());
      }
    }
    values.forEach((lang, text) -> Texts.requireWellFormed("localizedText." + lang, text));
    values = Map.copyOf(new TreeMap<>(values));
  }

  /**
   * Chinese and English text.
   *
   * @param zh the Chinese text
   * @param en the English text
   * @return the localized text
   */
  public static LocalizedText of(String zh, String en) {
    return new LocalizedText(Map.of(Language.ZH, zh, Language.EN, en));
  }

  /**
   * The text in one language.
   *
   * @param language the language
   * @return the text, or empty if none is given in that language
   */
  public Optional<String> in(Language language) {
    return Optional.ofNullable(values.get(language));
  }

  /**
   * The Chinese text.
   *
   * @return the zh text
   */
  public String zh() {
    return in(Language.ZH).orElseThrow();
  }

  /**
   * The English text.
   *
   * @return the en text
   */
  public String en() {
    return in(Language.EN).orElseThrow();
  }
}
