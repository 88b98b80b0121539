package dev.spirit.moderation;

import dev.spirit.campaign.CampaignId;
import dev.spirit.error.InvalidInputException;
import dev.spirit.text.Texts;
import java.time.Instant;
import java.util.List;

/**
 * One entry of the audit trail of a campaign's lexicon: which revision was attached, with which
 * version, when and by whom. The content itself is in {@link CampaignLexicon}.
 *
 * @param campaignId the campaign
 * @param revision the revision, from 1
 * @param version the compiled lexicon's version ({@link CampaignLexicon#version()})
 * @param attachedAt when
 * @param attachedBy who
 * @param layerLabels the labels of its layers, city first
 */
public record LexiconChange(
    CampaignId campaignId,
    long revision,
    String version,
    Instant attachedAt,
    String attachedBy,
    List<String> layerLabels) {

  /** Validates the entry. */
  public LexiconChange {
    if (campaignId == null || attachedAt == null || layerLabels == null) {
      throw new InvalidInputException(
          "lexiconChange", "campaignId, attachedAt and layerLabels are required");
    }
    if (revision < 1) {
      throw new InvalidInputException(
          "lexiconChange.revision", "must be at least 1, was " + revision);
    }
    Texts.requireLabel("lexiconChange.version", version, 200);
    Texts.requireLabel("lexiconChange.attachedBy", attachedBy, 128);
    layerLabels = List.copyOf(layerLabels);
  }
}
