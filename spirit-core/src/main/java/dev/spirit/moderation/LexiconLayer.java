package dev.spirit.moderation;

import dev.spirit.error.InvalidInputException;
import dev.spirit.text.Texts;
import java.io.StringReader;

/**
 * One layer of a campaign's lexicon: a lexicon and its allow-list, as text in the format of {@link
 * TermLexicon#read(java.io.Reader, java.io.Reader)}. A campaign's lexicon is a list of layers, the
 * city-wide one first and then the district's ({@link CampaignLexicon}).
 *
 * <p>The text is kept as given (comments included) so that what was attached can be shown again; it
 * is checked only when compiled ({@link #compile()}), which {@code Campaigns.attachLexicon} does
 * before storing anything.
 *
 * @param label where the layer came from, e.g. {@code city} or a file name; named in errors
 * @param lexiconTsv the terms, tab-separated
 * @param allowList the allow-list, one phrase per line (may be empty)
 */
public record LexiconLayer(String label, String lexiconTsv, String allowList) {
  /** Longest label, in code points. */
  public static final int MAX_LABEL = 200;

  /** Validates the layer. */
  public LexiconLayer {
    Texts.requireLabel("lexiconLayer.label", label, MAX_LABEL);
    if (lexiconTsv == null || allowList == null) {
      throw new InvalidInputException(
          "lexiconLayer", "the lexicon and allow-list text are required");
    }
  }

  /**
   * Compiles this layer alone.
   *
   * @return the compiled lexicon
   * @throws LexiconFormatException naming {@code label:line} of the first bad row of the lexicon,
   *     or {@code label (allow-list):line} of the allow-list
   */
  public TermLexicon compile() {
    return TermLexicon.read(
        new StringReader(lexiconTsv), label, new StringReader(allowList), label + " (allow-list)");
  }
}
