package dev.spirit.moderation;

import dev.spirit.error.InvalidInputException;

/**
 * One entry of a {@link TermLexicon}.
 *
 * @param text the term as written (simplified Chinese, or words in any case)
 * @param category what kind of content it is, e.g. {@code gambling}, {@code profanity}
 * @param action whether it blocks a submission or sends it to review
 */
public record Term(String text, String category, TermAction action) {
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
    text = text.strip();
    category = category.strip();
  }
}
