package dev.spirit.moderation;

import dev.spirit.error.InvalidInputException;
import java.util.List;

/**
 * One entry of a {@link TermLexicon}.
 *
 * @param text the term as written (simplified Chinese, or words in any case)
 * @param category what kind of content it is, e.g. {@code gambling}, {@code profanity}
 * @param action whether it blocks a submission or sends it to review
 * @param aliases short forms people write instead of the term ({@code sb} for 傻逼), matched as whole
 *     words only
 * @param homophones whether a Chinese term also matches other characters with the same toneless
 *     pinyin ({@code 瑟情} for 色情); turn it off for a term whose homophones are common words
 */
public record Term(
    String text, String category, TermAction action, List<String> aliases, boolean homophones) {
  public Term {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException("term.text", "must not be blank");
    }
    if (category == null || category.isBlank()) {
      throw new InvalidInputException("term.category", "must not be blank for term '" + text + "'");
    }
    if (action == null) {
      throw new InvalidInputException("term.action", "must not be null for term '" + text + "'");
    }
    if (aliases == null) {
      throw new InvalidInputException("term.aliases", "must not be null for term '" + text + "'");
    }
    for (String alias : aliases) {
      if (alias == null || alias.isBlank()) {
        throw new InvalidInputException("term.aliases", "blank alias for term '" + text + "'");
      }
    }
    text = text.strip();
    category = category.strip();
    aliases = aliases.stream().map(String::strip).distinct().toList();
  }

  /**
   * A term without aliases, homophones on.
   *
   * @param text the term
   * @param category its category
   * @param action what it does
   */
  public Term(String text, String category, TermAction action) {
    this(text, category, action, List.of(), true);
  }
}
