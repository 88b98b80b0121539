package dev.spirit.campaign;

import dev.spirit.error.InvalidInputException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A language by its ISO 639 code, lowercase: {@code zh}, {@code en}.
 *
 * @param code the code
 */
public record Language(String code) implements Comparable<Language> {
  private static final Pattern CODE = Pattern.compile("[a-z]{2,3}");

  /** Chinese. */
  public static final Language ZH = new Language("zh");

  /** English. */
  public static final Language EN = new Language("en");

  /**
   * "Undetermined" (ISO 639-2 {@code und}): what {@link #detect} returns for text without words.
   */
  public static final Language UNDETERMINED = new Language("und");

  public Language {
    if (code == null) {
      throw new InvalidInputException("language", "must not be null");
    }
    if (!CODE.matcher(code).matches()) {
      throw new InvalidInputException(
          "language", "'" + code + "' is not an ISO 639 language code such as zh or en");
    }
  }

  /**
   * Parses a language tag; only its primary language subtag counts ({@code zh-Hans-CN} is {@code
   * zh}).
   *
   * @param tag a BCP 47 tag or ISO 639 code
   * @return the language
   */
  public static Language of(String tag) {
    if (tag == null) {
      throw new InvalidInputException("language", "must not be null");
    }
    int dash = tag.indexOf('-');
    String primary = dash < 0 ? tag : tag.substring(0, dash);
    return new Language(primary.toLowerCase(Locale.ROOT));
  }

  /**
   * A deliberately simple guess for campaigns in Chinese and English: any Han character makes a
   * text Chinese; otherwise Latin letters make it English; otherwise it is {@link #UNDETERMINED}.
   * Callers that know the language should say so instead.
   *
   * @param text any text, ideally normalized
   * @return {@link #ZH}, {@link #EN} or {@link #UNDETERMINED}
   */
  public static Language detect(String text) {
    boolean latin = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      Character.UnicodeScript script = Character.UnicodeScript.of(cp);
      if (script == Character.UnicodeScript.HAN) {
        return ZH;
      }
      if (script == Character.UnicodeScript.LATIN) {
        latin = true;
      }
    }
    return latin ? EN : UNDETERMINED;
  }

  @Override
  public int compareTo(Language other) {
    return code.compareTo(other.code);
  }

  @Override
  public String toString() {
    return code;
  }
}
