package dev.spirit.moderation;

import dev.spirit.campaign.CampaignId;
import dev.spirit.error.InvalidInputException;
import dev.spirit.text.Texts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One stored revision of a campaign's own lexicon: its layers, city-wide first, then the
 * district's, each layered over the ones before it with {@link TermLexicon#layered} (a later layer
 * adds terms and allow phrases and may raise a {@code review} term to {@code block}; it may not
 * lower a {@code block} term).
 *
 * <p>Attach one with {@code Spirit.campaigns().attachLexicon(...)}, which compiles it (refusing a
 * bad one before anything is stored), gives it the next revision and records who attached it and
 * when. Every instance on the same store then moderates the campaign with it.
 *
 * @param campaignId the campaign
 * @param revision 1 for the first lexicon attached to the campaign, then one more per change
 * @param layers the layers, city first
 * @param version the {@link TermLexicon#version()} of the compiled, layered lexicon (a SHA-256
 *     fingerprint of its content: equal content, equal version); also what moderation records carry
 *     under the {@code lexicon} rule
 * @param attachedAt when it was attached
 * @param attachedBy who attached it (a user name, or {@code cli})
 */
public record CampaignLexicon(
    CampaignId campaignId,
    long revision,
    List<LexiconLayer> layers,
    String version,
    Instant attachedAt,
    String attachedBy) {

  /** Validates the revision. */
  public CampaignLexicon {
    if (campaignId == null || layers == null || attachedAt == null) {
      throw new InvalidInputException(
          "campaignLexicon", "campaignId, layers and attachedAt are required");
    }
    if (revision < 1) {
      throw new InvalidInputException(
          "campaignLexicon.revision", "must be at least 1, was " + revision);
    }
    layers = List.copyOf(layers);
    if (layers.isEmpty()) {
      throw new InvalidInputException("campaignLexicon.layers", "at least one layer is required");
    }
    Texts.requireLabel("campaignLexicon.version", version, 200);
    Texts.requireLabel("campaignLexicon.attachedBy", attachedBy, 128);
  }

  /**
   * Compiles the layers into one lexicon, the first layer at the bottom.
   *
   * @return the layered lexicon; its {@link TermLexicon#version()} is this revision's {@code
   *     version}
   * @throws LexiconFormatException if a layer has a bad row
   * @throws InvalidInputException if a layer lowers a {@code block} term of a layer below it
   */
  public TermLexicon compile() {
    return compile(layers);
  }

  /**
   * Compiles layers into one lexicon, the first layer at the bottom.
   *
   * @param layers the layers, city first
   * @return the layered lexicon
   * @throws LexiconFormatException if a layer has a bad row
   * @throws InvalidInputException if there are no layers, or a layer lowers a {@code block} term of
   *     a layer below it (the message names both layers)
   */
  public static TermLexicon compile(List<LexiconLayer> layers) {
    if (layers == null || layers.isEmpty()) {
      throw new InvalidInputException("lexicon.layers", "at least one layer is required");
    }
    List<TermLexicon> compiled = new ArrayList<>(layers.size());
    for (LexiconLayer layer : layers) {
      compiled.add(layer.compile());
    }
    TermLexicon result = compiled.get(0);
    for (int i = 1; i < compiled.size(); i++) {
      try {
        result = TermLexicon.layered(result, compiled.get(i));
      } catch (LexiconFormatException e) {
        throw e;
      } catch (InvalidInputException e) {
        String problem = e.getMessage();
        String prefix = e.field() + ": ";
        if (problem != null && problem.startsWith(prefix)) {
          problem = problem.substring(prefix.length());
        }
        throw new InvalidInputException(
            layers.get(i).label(),
            problem + " (layer " + (i + 1) + ", over " + layers.get(i - 1).label() + ")");
      }
    }
    return result;
  }

  /**
   * What the audit trail keeps of this revision.
   *
   * @return its revision, version, time, author and layer labels
   */
  public LexiconChange change() {
    return new LexiconChange(
        campaignId,
        revision,
        version,
        attachedAt,
        attachedBy,
        layers.stream().map(LexiconLayer::label).toList());
  }
}
